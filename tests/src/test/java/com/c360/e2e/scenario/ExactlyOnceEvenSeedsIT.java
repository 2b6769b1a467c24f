package com.c360.e2e.scenario;

/** The even seeds of {@link ExactlyOnceScenarios}' range: 2, 4, … 24 by default. */
class ExactlyOnceEvenSeedsIT extends ExactlyOnceScenarios {
    ExactlyOnceEvenSeedsIT() {
        super(0);
    }
}
