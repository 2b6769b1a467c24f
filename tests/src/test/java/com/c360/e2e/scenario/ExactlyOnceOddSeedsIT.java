package com.c360.e2e.scenario;

/** The odd seeds of {@link ExactlyOnceScenarios}' range: 1, 3, … 25 by default. */
class ExactlyOnceOddSeedsIT extends ExactlyOnceScenarios {
    ExactlyOnceOddSeedsIT() {
        super(1);
    }
}
