package dev.evalunit.judge;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.evalunit.testing.FakeOpenAiServer;
import dev.evalunit.testing.FakeOpenAiServer.RecordedRequest;
import dev.evalunit.testing.FakeOpenAiServer.Reply;

import java.util.function.Function;

/** What a judge behind the fake endpoint answers: any text, or a verdict in the judge's format. */
final class JudgeReplies {

    private JudgeReplies() {
    }

    static Function<RecordedRequest, Reply> says(String content) {
        return FakeOpenAiServer.answers(content);
    }

    static Function<RecordedRequest, Reply> verdict(String verdict, String reason) {
        return says(JsonNodeFactory.instance.objectNode().put("reason", reason).put("verdict", verdict).toString());
    }
}
