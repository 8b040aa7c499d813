/**
 * PostCSS plugin, after Tailwind: the CSS is inlined into every page (experimental.inlineCss in
 * next.config.ts), where the Nu HTML Checker reads it (tests/e2e/seo.spec.ts) and does not know
 * `@property`, nor the `margin-trim` Tailwind tests for in the `@supports` around its fallback.
 *
 * Tailwind registers its --tw-* variables with `@property` (initial value, not inherited) and, for
 * browsers without `@property`, sets the same initial values on every element in `@layer
 * properties` behind that `@supports`. This keeps the fallback for every browser and drops the
 * registrations: each element starts from the same values, as the fallback already gives older
 * browsers. Nothing in the app animates a --tw-* variable, the one thing registration would add.
 */
const plugin = () => ({
  postcssPlugin: 'at-property-defaults',
  OnceExit(root) {
    root.walkAtRules('layer', (layer) => {
      if (layer.params !== 'properties') return;
      layer.walkAtRules('supports', (supports) => {
        supports.replaceWith(supports.nodes);
      });
    });
    root.walkAtRules('property', (rule) => {
      rule.remove();
    });
  },
});
plugin.postcss = true;

module.exports = plugin;
