// The request header proxy.ts sets to the path (and query) asked for, read by requireUser so a
// signed-out visitor on a deep link (an email's "View usage") signs in and lands there. The proxy
// overwrites whatever a client sent under this name, and the value still passes safeRedirectPath.
export const REQUEST_PATH_HEADER = "x-tollgate-path";
