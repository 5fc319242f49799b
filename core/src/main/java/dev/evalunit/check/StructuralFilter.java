package dev.evalunit.check;

/** A {@link SpanFilter} on where a span sits in its trace or in time; a failure involving one shows the trace as a tree. */
interface StructuralFilter extends SpanFilter {
}
