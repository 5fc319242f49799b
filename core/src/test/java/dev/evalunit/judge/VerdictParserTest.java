package dev.evalunit.judge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictParserTest {

    @Test
    void readsAPassAndItsReason() {
        VerdictParser.Reading reading = VerdictParser.read("{\"reason\": \"Names OOM.\", \"verdict\": \"pass\"}");

        assertThat(reading.verdict()).contains(new Verdict(true, "Names OOM."));
    }

    @Test
    void readsAFailWithWhitespaceAround() {
        VerdictParser.Reading reading = VerdictParser.read("\n  {\"verdict\":\"fail\",\"reason\":\" No fix. \"}  \n");

        assertThat(reading.verdict()).contains(new Verdict(false, "No fix."));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "prose                 | The answer is good.                                        | the reply is not one JSON object",
            "code fence            | ```json\n{\"reason\": \"x\", \"verdict\": \"pass\"}\n```  | the reply is not one JSON object",
            "text after the object | {\"reason\": \"x\", \"verdict\": \"pass\"} Hope this helps! | the reply is not one JSON object",
            "two objects           | {\"reason\": \"x\", \"verdict\": \"pass\"}{\"reason\": \"y\", \"verdict\": \"fail\"} | the reply is not one JSON object",
            "duplicate verdict     | {\"reason\": \"x\", \"verdict\": \"fail\", \"verdict\": \"pass\"} | the reply is not one JSON object",
            "an array              | [\"pass\"]                                                 | the reply is JSON but not an object",
            "a string              | \"pass\"                                                   | the reply is JSON but not an object",
            "capitalised verdict   | {\"reason\": \"x\", \"verdict\": \"Pass\"}                 | \"verdict\" must be \"pass\" or \"fail\", was \"Pass\"",
            "boolean verdict       | {\"reason\": \"x\", \"verdict\": true}                     | \"verdict\" must be \"pass\" or \"fail\", was true",
            "a score               | {\"reason\": \"x\", \"verdict\": \"pass\", \"score\": 0.9} | fields other than \"verdict\" and \"reason\": \"score\"",
            "no verdict            | {\"reason\": \"x\"}                                        | the object has no \"verdict\"",
            "no reason             | {\"verdict\": \"pass\"}                                    | the object has no \"reason\"",
            "blank reason          | {\"reason\": \"  \", \"verdict\": \"pass\"}                | \"reason\" must be a non-empty string",
    })
    void neverReadsAnythingElseAsAVerdict(String what, String reply, String problem) {
        VerdictParser.Reading reading = VerdictParser.read(reply.replace("\\n", "\n"));

        assertThat(reading.verdict()).isEmpty();
        assertThat(reading.problem()).contains(problem);
    }

    @Test
    void saysWhenTheReplyIsEmpty() {
        assertThat(VerdictParser.read(null).problem()).isEqualTo("the reply was empty");
        assertThat(VerdictParser.read(" ").problem()).isEqualTo("the reply was empty");
    }
}
