export default function Home() {
  return (
    <main>
      <h1>PurposePath</h1>
    </main>
  );
}
