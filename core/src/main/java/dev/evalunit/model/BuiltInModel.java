package dev.evalunit.model;

/** The models EvalUnit ships (oracle, nop): their spans name provider {@code evalunit}. */
interface BuiltInModel {

    /** @return the model name for {@code gen_ai.request.model} */
    String modelName();
}
