package org.diplomaticcontacts.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The firewall's rules, checked by a loop, accept exactly what Spring Security's own patterns
 * accept: every code point of Unicode, alone and within text, and a few texts of real requests.
 */
class FirewallRulesTest {

    private static final Pattern NAMES_AND_VALUES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern HEADER_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsJudgedAsTheFirewallsPatternsJudgeIt() {
        IntStream.rangeClosed(Character.MIN_CODE_POINT, Character.MAX_CODE_POINT).forEach(codePoint -> {
            String text = "a" + Character.toString(codePoint) + "b";
            assertThat(FirewallRules.assignedAndNotControl(text)).as("U+%04X", codePoint)
                    .isEqualTo(NAMES_AND_VALUES.matcher(text).matches());
            assertThat(FirewallRules.assignedAndNotControlButTab(text)).as("U+%04X in a header value", codePoint)
                    .isEqualTo(HEADER_VALUES.matcher(text).matches());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Étienne Schneider", "Куспан Айгуль", "q=a\tb", "line\nbreak", "nul\u0000",
            "\u0085next line", "lone \ud800 surrogate", "emoji 😀", "delete\u007f", "unassigned \u0378"})
    void textsAreJudgedAsTheFirewallsPatternsJudgeThem(String text) {
        assertThat(FirewallRules.assignedAndNotControl(text)).isEqualTo(NAMES_AND_VALUES.matcher(text).matches());
        assertThat(FirewallRules.assignedAndNotControlButTab(text)).isEqualTo(HEADER_VALUES.matcher(text).matches());
    }

    @Test
    void theRulesRejectSomethingAndAcceptSomething() {
        assertThat(FirewallRules.assignedAndNotControl("bell\u0007")).isFalse();
        assertThat(FirewallRules.assignedAndNotControlButTab("a\tb")).isTrue();
        assertThat(FirewallRules.assignedAndNotControl("a\tb")).isFalse();
    }
}
