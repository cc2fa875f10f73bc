/** The serializers, deserializers and JSON tree reading behind {@link org.crmkit.json.CrmJson}. Not API. */
@NullMarked
package org.crmkit.json.internal;

import org.jspecify.annotations.NullMarked;
