import type { SupplementFacts } from '@/lib/content';

/** The label panel shoppers know: black rules, bold headings, amounts and % Daily Value per serving. */
export function SupplementFactsPanel({
  facts,
  servings,
}: {
  facts: SupplementFacts;
  servings: number | null;
}) {
  return (
    <section
      aria-labelledby="supplement-facts-heading"
      className="border-2 border-ink bg-paper-raised p-3 text-sm text-ink"
      data-testid="supplement-facts"
    >
      <table className="w-full border-collapse">
        <caption className="text-left">
          <h2
            id="supplement-facts-heading"
            className="border-b border-ink pb-1 font-serif text-3xl font-black tracking-tight"
          >
            Supplement Facts
          </h2>
          <p className="mt-1">Serving size: {facts.servingSize}</p>
          {servings !== null && <p>Servings per container: {servings}</p>}
        </caption>
        <thead>
          <tr className="border-t-8 border-ink">
            <th scope="col" className="py-1 text-left font-normal">
              <span className="sr-only">Nutrient</span>
            </th>
            <th scope="col" className="py-1 text-right font-bold">
              Amount per serving
            </th>
            <th scope="col" className="py-1 pl-3 text-right font-bold">
              % Daily Value
            </th>
          </tr>
        </thead>
        <tbody>
          {facts.rows.map((row) => (
            <tr key={row.nutrient} className="border-t border-ink">
              <th scope="row" className="py-1.5 pr-2 text-left font-bold">
                {row.nutrient}
              </th>
              <td className="py-1.5 text-right whitespace-nowrap">{row.amount}</td>
              <td className="py-1.5 pl-3 text-right font-bold">
                {row.dailyValue ?? <abbr title="Daily Value not established">†</abbr>}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t-4 border-ink">
            <td colSpan={3} className="pt-2 text-xs">
              {facts.rows.some((row) => row.dailyValue === null) && (
                <p>† Daily Value not established.</p>
              )}
              <p className="mt-1">
                <strong>Other ingredients:</strong> {facts.otherIngredients}
              </p>
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
