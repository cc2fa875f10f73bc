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
 *       event's {@code "type"} (below), a segment condition's {@code "type"} (below).</li>
 *   <li><b>Optional values</b> that are empty are omitted; every other field is always written, empty collections
 *       as {@code []} or {@code {}}. Sets and maps are written sorted (the order the model keeps them in); lists
 *       keep their order.</li>
 * </ul>
 *
 * <h2>Domain events</h2>
 * An event is an object with {@code "type"}, {@code "id"}, {@code "tenant"} and {@code "at"}, followed by the fields
 * of its type:
 * <ul>
 *   <li>{@code customer_created}, {@code customer_updated}: {@code customer}; {@code customers_merged}:
 *       {@code survivor}, {@code record} (the merge record); {@code customer_erased}: {@code customer} (an id) and
 *       {@code merged} (the ids of the customers merged into it, sorted);</li>
 *   <li>{@code interaction_recorded}: {@code interaction}; {@code interactions_reassigned}: {@code from} (a
 *       subject), {@code to} (a customer id), {@code count};</li>
 *   <li>{@code segment_membership_changed}: {@code segment}, {@code customer}, {@code entered} (a boolean);</li>
 *   <li>{@code consent_changed}: {@code customer}, {@code scope} ({@code {"channel":"email","purpose":"newsletter",
 *       "contact_point":…}}, the contact point optional), {@code state} ({@code opted_in}, {@code opted_out},
 *       {@code pending_confirmation}, {@code expired}, {@code lapsed});</li>
 *   <li>{@code contact_suppressed}: {@code contact_hash} (the keyed hash of the contact point, 64 lower-case
 *       hexadecimal digits; either case is read), {@code kind} (a contact kind), {@code reason}
 *       ({@code hard_bounce}, {@code complaint}, {@code legal_request}, {@code host_decision});
 *       {@code contact_lifted}: {@code contact_hash};</li>
 *   <li>{@code score_changed}: {@code customer}, {@code scores}, sorted by name:
 *       {@code [{"name":"engagement","value":7.5,"as_of":"2026-01-01T00:00:00Z"}]}, the value a JSON number (the
 *       shortest decimal that reads back as the same double; {@code -0.0} reads as {@code 0.0}).</li>
 * </ul>
 *
 * <h2>Segments</h2>
 * A segment {@link org.crmkit.spi.segment.Condition} is an object whose {@code "type"} is the snake_case name of its
 * case, followed by the case's fields in record order:
 * <ul>
 *   <li>{@code and}, {@code or}: {@code operands} (2 to 1000 conditions, in order); {@code not}:
 *       {@code operand};</li>
 *   <li>{@code compare}: {@code attribute}, {@code operator}, {@code value} (a typed value); {@code in}:
 *       {@code attribute}, {@code values}; {@code between}: {@code attribute}, {@code low}, {@code high};
 *       {@code exists}: {@code attribute}; {@code contains}: {@code attribute}, {@code text}; {@code starts_with}:
 *       {@code attribute}, {@code prefix};</li>
 *   <li>{@code stage_in}: {@code stages} (lifecycle stages, in declaration order); {@code has_tag}: {@code tag};</li>
 *   <li>{@code count_compare}: {@code filter}, optional {@code window}, {@code operator}, {@code count} (an
 *       integer); {@code sum_compare}: {@code filter}, optional {@code window}, {@code operator}, {@code amount}
 *       (money); {@code occurred_within}: {@code filter}, {@code window};</li>
 *   <li>{@code score_compare}: {@code score}, {@code operator}, {@code value} (a JSON number);
 *       {@code segment_ref}: {@code name}; {@code function_call}: {@code name}, {@code arguments} (typed
 *       values).</li>
 * </ul>
 * An operator is {@code eq}, {@code ne}, {@code lt}, {@code le}, {@code gt} or {@code ge}; a window
 * {@code {"amount":30,"unit":"days"}} (unit {@code days} or {@code hours}); an interaction filter
 * {@code {"type":"order_placed","channel":"web"}} with both members optional ({@code {}} passes every interaction).
 * A {@code SegmentDefinition} is {@code {"name":…,"condition":…}}; a {@code SegmentChange}
 * {@code {"kind":"entered","tenant":…,"segment":…,"customer":…,"at":…}} ({@code entered} or {@code left}). For
 * example, {@code not segment("churn_risk") and count(order_placed within 90d) >= 2} is
 * <pre>{@code
 * {"type":"and","operands":[
 *   {"type":"not","operand":{"type":"segment_ref","name":"churn_risk"}},
 *   {"type":"count_compare","filter":{"type":"order_placed"},"window":{"amount":90,"unit":"days"},
 *    "operator":"ge","count":2}]}
 * }</pre>
 * Conditions nest at most 64 deep, counting {@code and}, {@code or} and {@code not}: the limit of the segment
 * language and of a segment catalog. A deeper condition is refused on writing and on reading (where a document
 * nested deeper, in JSON levels, than such a condition can be is refused before it is read further, whatever the
 * parser's own limit), with a {@link org.crmkit.json.JsonCodecException}, never a {@code StackOverflowError}.
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
