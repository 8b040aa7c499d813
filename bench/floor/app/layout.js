// Plain JavaScript on purpose: a .tsx file would make `next build` write a tsconfig.json here.
export const metadata = { title: 'Floor' };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
