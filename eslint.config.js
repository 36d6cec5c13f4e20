import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "node_modules/**", "data/**", ".cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // The few plain scripts served as they are to resident pages (public/offline-forms.js).
  { files: ["public/*.js"], languageOptions: { sourceType: "script", globals: globals.browser } },
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser }, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Type-aware: a promise nobody awaits loses its error (an unhandled rejection ends the server).
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Routes and modules must not build SQL from strings; the builder or the sql tag only.
      "no-restricted-syntax": ["error", { selector: "CallExpression[callee.property.name='raw'][arguments.0.type='TemplateLiteral']", message: "Use Kysely's builder or the sql tag, never string-built SQL." }],
    },
  },
);
