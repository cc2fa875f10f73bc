/**
 * The JSON codec of the crmkit model: {@link org.crmkit.json.CrmJson}, and {@link org.crmkit.json.CrmJson#module()}
 * for a host's own Jackson {@code ObjectMapper}. The model types in crm-spi carry no Jackson annotations; the format
 * is defined here, and is stable.
 *
 * <h2>Format</h2>
 * <ul>
 *   <li><b>Names</b> are {@code snake_case} ({@code contact_points}, {@code occurred_at}), in a fixed order per
 *       type.</li>
 *   <li><b>Ids</b> ({@code TenantId}, {@code CustomerId}, {@code InteractionId}, {@code VisitorId},
 *       {@code CampaignId}, {@code EventId}) are plain strings; an event id is a UUID in canonical form.
 *       {@code InteractionType} is its name.</li>
 *   <li><b>Enum constants</b> are their names in lower case: {@code "in_person"}, {@code "prospect"},
 *       {@code "inbound"}.</li>
 *   <li><b>Instants</b> are ISO-8601 strings in UTC ({@code "2026-01-01T00:00:00Z"}, with fractions of a second only
 *       when there are any; an offset such as {@code +01:00} is accepted on reading and converted to UTC);
 *       <b>dates</b> are ISO-8601 ({@code "2026-01-31"}).</li>
 *   <li><b>Money</b> is {@code {"amount":"12.50","currency":"EUR"}}: the amount a plain decimal string at the
 *       currency's scale, so that it stays exact.</li>
 *   <li><b>Typed values</b> are {@code {"type":t,"value":v}} with {@code t} one of {@code text} (a string),
 *       {@code number} (a JSON number, read exactly), {@code bool}, {@code date}, {@code choice} (a string) and
 *       {@code amount} (money).</li>
 *   <li><b>Closed variants</b> carry a discriminator: a party's {@code "kind"} ({@code person},
 *       {@code organization}), a contact value's {@code "kind"} ({@code email}, {@code phone}, {@code postal},
 *       {@code social}, {@code device}), a subject's {@code "kind"} ({@code customer}, {@code visitor}), a domain
 *       event's {@code "type"} ({@code customer_created}, {@code customer_updated}, {@code customers_merged},
 *       {@code customer_erased}, {@code interaction_recorded}, {@code interactions_reassigned}).</li>
 *   <li><b>Optional values</b> that are empty are omitted; every other field is always written, empty collections
 *       as {@code []} or {@code {}}. Sets and maps are written sorted (the order the model keeps them in); lists
 *       keep their order.</li>
 * </ul>
 *
 * <h2>Reading</h2>
 * Reading is strict, for safety: a missing field, an unknown field, a field given twice, {@code null} (omit an
 * optional field instead), a value of the wrong JSON type (a number where a string is expected, an exponent in a
 * money amount), trailing content after the value, and a document nested deeper than Jackson's default limit of
 * 1000 levels are all refused. Values are built through the model's constructors, so the model's validation
 * applies. Every failure is a {@link org.crmkit.json.JsonCodecException} naming the JSONPath of the offending value
 * ({@code $.contact_points[1].value.address}) and the reason; when the model rejected the value, the exception also
 * names the model's field and carries its {@link org.crmkit.spi.ValidationException} as the cause.
 *
 * <p>The tree is read by the codec itself, so a host {@code ObjectMapper} with {@link org.crmkit.json.CrmJson#module()}
 * reads the same format regardless of its own features (decimals stay exact). Its own {@code StreamReadConstraints}
 * then bound the nesting depth.
 */
@NullMarked
package org.crmkit.json;

import org.jspecify.annotations.NullMarked;
