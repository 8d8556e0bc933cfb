// The GraphQL API on the same origin, authenticated by the session cookie.

export async function gql(query, variables = {}) {
  const res = await fetch("/graphql", {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json().catch(() => ({ errors: [{ message: `HTTP ${res.status}` }] }));
  if (body.errors && body.errors.length) {
    const error = new Error(body.errors[0].message);
    error.code = body.errors[0].extensions && body.errors[0].extensions.code;
    throw error;
  }
  return body.data;
}

/** A mutation's typed result: the data on success, a thrown Error with the domain message otherwise. */
export function unwrap(result) {
  if (result && result.__typename && result.__typename.endsWith("Success")) return result.data;
  throw new Error((result && result.message) || "Refused");
}

/** The name of a mutation field's success type (Pothos errors plugin): setX → MutationSetXSuccess. */
export const successType = (field) => `Mutation${field[0].toUpperCase()}${field.slice(1)}Success`;
