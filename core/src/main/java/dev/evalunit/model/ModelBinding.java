package dev.evalunit.model;

import org.apiguardian.api.API;

import dev.evalunit.config.Constants;
import dev.evalunit.config.Settings;
import dev.evalunit.task.Task;
import dev.langchain4j.model.chat.ChatModel;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * The model under test, bound for a run: the name reports use, and the {@link Agent} that answers
 * each task. Built from a {@code @ModelUnderTest} member or from configuration.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ModelBinding {

    private final String name;
    private final Function<Task, Agent> agents;
    private final Optional<String> secret;
    private final EndpointAdvice advice;

    private ModelBinding(String name, Function<Task, Agent> agents, Optional<String> secret) {
        this(name, agents, secret, EndpointAdvice.BUILT_IN_CODE);
    }

    private ModelBinding(String name, Function<Task, Agent> agents, Optional<String> secret, EndpointAdvice advice) {
        this.name = Objects.requireNonNull(name, "name");
        this.agents = Objects.requireNonNull(agents, "agents");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.advice = Objects.requireNonNull(advice, "advice");
    }

    /**
     * @param name the name reports use, e.g. {@code gpt-4o}; never {@code null}
     * @param model any LangChain4j chat model; runs through EvalUnit's tool loop; never {@code null}
     * @return the binding
     */
    public static ModelBinding of(String name, ChatModel model) {
        Objects.requireNonNull(model, "model");
        Agent agent = new ChatModelAgent(model, name);
        return new ModelBinding(name, task -> agent, Optional.empty());
    }

    /**
     * @param name the name reports use; never {@code null}
     * @param agent the system under test; never {@code null}
     * @return the binding
     */
    public static ModelBinding of(String name, Agent agent) {
        Objects.requireNonNull(agent, "agent");
        return new ModelBinding(name, task -> agent, Optional.empty());
    }

    /**
     * The URI scheme of a task made from a prompt in code rather than read from a file
     * ({@code evalunit:com.acme.CapitalsTest/knowsParis}); the oracle says plainly that it has no reference.
     */
    public static final String PROMPT_SCHEME = "evalunit";

    /** @return the {@code oracle}: each task's reference solution, played through the tool loop */
    public static ModelBinding oracle() {
        return new ModelBinding(OracleChatModel.NAME, task -> {
            if (task.reference().isEmpty()) {
                String message = task.source().uri().getScheme() != null
                        && task.source().uri().getScheme().equals(PROMPT_SCHEME)
                        ? "the oracle answers with a task file's reference solution, and a prompt sent from code ("
                                + task.id() + ") has none; test the prompt against a real model (@ModelUnderTest or "
                                + Constants.MODEL_PROPERTY_NAME + "), or put it in a task file with a reference:"
                                + " section and run that file"
                        : "task " + task.id() + " has no reference, so the oracle cannot answer it; add a reference:"
                                + " section (tool-calls and output) to " + task.source();
                return context -> {
                    throw new IllegalStateException(message);
                };
            }
            return new ChatModelAgent(new OracleChatModel(task.reference().get()), OracleChatModel.NAME);
        }, Optional.empty());
    }

    /** @return the {@code nop} model: empty answers, no tool calls */
    public static ModelBinding nop() {
        Agent agent = new ChatModelAgent(new NopChatModel(), NopChatModel.NAME);
        // For a code task, nop hands back the workspace unchanged: the program builds and runs uninstrumented.
        // An agent task's nop finishes at once: it answers without calling a tool, leaving the workspace as it was.
        return new ModelBinding(NopChatModel.NAME, task -> task.code().filter(code -> code.agent().isEmpty())
                .<Agent>map(code -> new ChatModelAgent(new NopChatModel(code.unchangedAnswer()), NopChatModel.NAME))
                .orElse(agent), Optional.empty());
    }

    /**
     * A binding for a suite with no model: every task errors with {@code howToWire}.
     *
     * @param howToWire what the user should do; never {@code null}
     * @return the binding
     */
    public static ModelBinding unconfigured(String howToWire) {
        Objects.requireNonNull(howToWire, "howToWire");
        return new ModelBinding("no model", task -> context -> {
            throw new ModelNotConfiguredException(howToWire);
        }, Optional.empty());
    }

    /**
     * The model named by {@link Constants#MODEL_PROPERTY_NAME}, if any.
     *
     * @param settings the run's configuration; never {@code null}
     * @param environment reads environment variables (the API key); never {@code null}
     * @return the binding, or empty when {@code evalunit.model} is unset
     * @throws IllegalArgumentException when the configuration is incomplete or wrong; the message
     *         says which key to set
     */
    public static Optional<ModelBinding> fromSettings(Settings settings, Function<String, String> environment) {
        Optional<String> model = settings.get(Constants.MODEL_PROPERTY_NAME);
        if (model.isEmpty()) {
            return Optional.empty();
        }
        switch (model.get()) {
            case Constants.MODEL_ORACLE: return Optional.of(oracle());
            case Constants.MODEL_NOP: return Optional.of(nop());
            case Constants.MODEL_OPENAI: {
                OpenAiModels.Configured configured = OpenAiModels.fromSettings(settings, environment);
                Agent agent = new ChatModelAgent(configured.model(), configured.endpoint());
                return Optional.of(new ModelBinding(configured.name(), task -> agent, configured.apiKey(),
                        EndpointAdvice.forConfiguredModel(configured.keyVariable())));
            }
            default:
                throw new IllegalArgumentException("Configuration " + Constants.MODEL_PROPERTY_NAME + "=" + model.get()
                        + " names no model; use " + Constants.MODEL_OPENAI + ", " + Constants.MODEL_ORACLE
                        + " or " + Constants.MODEL_NOP + ", or declare a @ModelUnderTest member in the suite class");
        }
    }

    /** @return the name reports use */
    public String name() {
        return name;
    }

    /** @return what to tell the user when the endpoint refuses a call for good */
    EndpointAdvice advice() {
        return advice;
    }

    /**
     * @param task the task to answer; never {@code null}
     * @return the agent that answers it
     */
    public Agent agentFor(Task task) {
        return agents.apply(Objects.requireNonNull(task, "task"));
    }

    /**
     * Whether all a task does outside the engine is calls to this binding's chat model, which go
     * through the run's call limit ({@code evalunit.concurrency} in flight): not a code task (its
     * compile and processes), not the user's own {@link Agent} (which may call anything, any
     * number of times at once), not the built-in models.
     *
     * @param task the task to answer; never {@code null}
     * @return {@code true} when the engine may keep a few more such tasks under way than calls in flight
     */
    public boolean callsOnly(Task task) {
        if (task.code().isPresent()) {
            return false; // decided without asking the binding for the task's agent
        }
        Agent agent = agentFor(task);
        return agent instanceof ChatModelAgent && ((ChatModelAgent) agent).callsAnEndpoint();
    }

    /** @return whether {@link #redact} can change a text: the binding holds an API key */
    public boolean redacts() {
        return secret.isPresent();
    }

    /**
     * @param text any text that may quote an endpoint's reply; never {@code null}
     * @return {@code text} with the binding's API key, if any, replaced by {@code ***}
     */
    public String redact(String text) {
        return secret.map(key -> text.replace(key, "***")).orElse(text);
    }

    @Override
    public String toString() {
        return name;
    }
}
