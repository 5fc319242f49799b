package dev.evalunit.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A <strong>stand-in</strong> for a judge model, so that the example suites run offline and
 * deterministically: it is not a language model and understands nothing. It reads the rubric and
 * the answer out of the prompt EvalUnit sends a judge (the {@code <rubric>} and {@code <answer>}
 * sections) and passes the answer when it is not empty and contains, ignoring case, every phrase
 * the rubric puts in double quotes. Everything else a rubric says (tone, length, what must not be
 * blamed) it ignores; a real judge grades all of it.
 *
 * <p>It still goes the whole way a real judge goes: it is a LangChain4j {@link ChatModel} called
 * over EvalUnit's judge prompt, it replies with the JSON verdict EvalUnit parses strictly, and its
 * calls are traced in the judge's own trace. To grade with a real model instead, run with a
 * judge from configuration, which {@link JudgedEvalTest#judge()} prefers:
 *
 * <pre>
 * mvn -f examples/pom.xml verify -Devalunit.judge=openai -Devalunit.judge.name=gpt-4o-mini
 * </pre>
 */
final class QuotedTermsJudge implements ChatModel {

    static final String NAME = "quoted-terms stand-in";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"|“([^”]+)”");

    @Override
    public ChatResponse doChat(ChatRequest request) {
        String prompt = firstPromptWithARubric(request.messages());
        String rubric = section(prompt, "rubric");
        String answer = section(prompt, "answer");
        List<String> terms = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(rubric);
        while (quoted.find()) {
            terms.add(quoted.group(1) != null ? quoted.group(1) : quoted.group(2));
        }
        List<String> missing = new ArrayList<>();
        for (String term : terms) {
            if (!answer.toLowerCase(Locale.ROOT).contains(term.toLowerCase(Locale.ROOT))) {
                missing.add('"' + term + '"');
            }
        }
        String verdict;
        String reason;
        if (answer.isBlank()) {
            verdict = "fail";
            reason = "The answer is empty.";
        } else if (terms.isEmpty()) {
            verdict = "fail";
            reason = "The rubric quotes no phrase for this stand-in to look for; grade it with a real judge.";
        } else if (missing.isEmpty()) {
            verdict = "pass";
            reason = "Contains " + String.join(", ", quotedAll(terms)) + " (the stand-in checks only quoted phrases).";
        } else {
            verdict = "fail";
            reason = "The answer lacks " + String.join(", ", missing) + ".";
        }
        ObjectNode reply = JSON.createObjectNode().put("reason", reason).put("verdict", verdict);
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(reply.toString()))
                .modelName(NAME)
                .finishReason(FinishReason.STOP)
                .build();
    }

    /** It always answers in the verdict's format, as a model with structured output does. */
    @Override
    public Set<Capability> supportedCapabilities() {
        return Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
    }

    private static String firstPromptWithARubric(List<ChatMessage> messages) {
        for (ChatMessage message : messages) {
            if (message instanceof UserMessage && ((UserMessage) message).hasSingleText()
                    && ((UserMessage) message).singleText().contains("<rubric>")) {
                return ((UserMessage) message).singleText();
            }
        }
        throw new IllegalArgumentException("no <rubric> in the request: this stand-in only grades EvalUnit's judge prompt");
    }

    private static List<String> quotedAll(List<String> terms) {
        List<String> quoted = new ArrayList<>();
        for (String term : terms) {
            quoted.add('"' + term + '"');
        }
        return quoted;
    }

    /** @return the text between {@code <tag>} and {@code </tag>}, empty when the section is missing */
    private static String section(String prompt, String tag) {
        int start = prompt.indexOf("<" + tag + ">");
        int end = prompt.indexOf("</" + tag + ">", start + 1);
        return start < 0 || end < 0 ? "" : prompt.substring(start + tag.length() + 2, end).strip();
    }
}
