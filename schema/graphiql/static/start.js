// Starts GraphiQL (graphiql 3, React 18 UMD builds, all served by this app) with the options the
// server put in the page as JSON (a data block, not a script, so the page needs no inline script).
const options = JSON.parse(document.getElementById("graphiql-options").textContent);
const fetcher = GraphiQL.createFetcher({ url: options.endpoint });
ReactDOM.createRoot(document.getElementById("graphiql")).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery: options.defaultQuery, defaultEditorToolsVisibility: true }),
);
