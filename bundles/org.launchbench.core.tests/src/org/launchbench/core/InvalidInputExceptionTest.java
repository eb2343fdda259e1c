package org.launchbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {

    @Test
    void rendersEveryFactOnOneLine() {
        InvalidInputException e = InvalidInputException.because("dry mass must be positive")
            .source("falcon9.vehicle").element("Stage[1]/dryMass").value("-5 kg")
            .allowed("> 0 kg").fix("set the stage's dry mass").build();
        assertEquals("falcon9.vehicle: Stage[1]/dryMass = -5 kg: dry mass must be positive (allowed: > 0 kg)."
            + " Fix: set the stage's dry mass.", e.userMessage());
    }

    @Test
    void leavesOutTheFactsItWasNotGiven() {
        assertEquals("--seed: abc: is not a whole number (allowed: 0 to 9223372036854775807).",
            InvalidInputException.because("is not a whole number").source("--seed").value("abc")
                .allowed("0 to 9223372036854775807").build().userMessage());
        assertEquals("no command given.", InvalidInputException.because("no command given").build().userMessage());
    }

    @Test
    void foldsLineBreaksSoTheMessageStaysOneLine() {
        String message = InvalidInputException.because("bad\nvalue").value("a\r\nb").build().userMessage();
        assertFalse(message.contains("\n") || message.contains("\r"), message);
        assertEquals("a b: bad value.", message);
    }

    @Test
    void showsABlankValueQuoted() {
        assertEquals("--site: \" \": is empty.",
            InvalidInputException.because("is empty").source("--site").value(" ").build().userMessage());
    }
}
