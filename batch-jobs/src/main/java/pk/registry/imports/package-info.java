/**
 * Field officers' bulk upload: the {@code householdImport} Spring Batch job for template-v1
 * CSV files (../shared/specs/household-csv.md), with the household module's rule set.
 * <p>
 * Public face: {@link pk.registry.imports.HouseholdImports}. Job parameters and execution
 * contexts hold the import id and record offsets only, never personal data.
 */
@NullMarked
package pk.registry.imports;

import org.jspecify.annotations.NullMarked;
