/** The engine behind the segment API: lexer, parser, printer, type checker, compiler and evaluators. Not API. */
@NullMarked
package org.crmkit.segmentation.internal;

import org.jspecify.annotations.NullMarked;
