// The floor: one static page, a heading and a paragraph, no CSS, no client component.
export default function Page() {
  return (
    <main>
      <h1>Floor</h1>
      <p>
        An empty Next.js page on the same Next.js and React versions as the storefront, measured in
        the same run.
      </p>
    </main>
  );
}
