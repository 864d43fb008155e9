import type { ReactNode } from 'react';

export const metadata = { title: 'PurposePath', description: 'Goals, actions and measures, live.' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
