import { type Framework, frameworkSchema } from "../../../evaluation-frameworks/schema";

/**
 * framework_version.definition → Framework, through the schema: the one place stored JSON
 * becomes a definition, so a row that does not have the shape fails here, loudly, rather than
 * deep in a page. Shape only: a draft may still break a cross-reference rule (an empty
 * dimension), which parseFrameworkFile reports.
 */
export function parseStoredDefinition(json: string): Framework {
  return frameworkSchema.parse(JSON.parse(json));
}
