// Stylesheets imported for their side effect (the docs' React samples import
// "@tollgate/react/styles.css"): nothing to type. Next's own types declare the same when present.
declare module "*.css";
