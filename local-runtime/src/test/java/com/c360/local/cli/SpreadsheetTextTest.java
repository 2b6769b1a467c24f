package com.c360.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetTextTest {

    @Test
    void valuesASpreadsheetWouldEvaluate_getALeadingQuote() {
        assertThat(SpreadsheetText.neutralized("=HYPERLINK(\"http://evil.example\",\"x\")"))
                .isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
        assertThat(SpreadsheetText.neutralized("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(SpreadsheetText.neutralized("-1+1")).isEqualTo("'-1+1");
        assertThat(SpreadsheetText.neutralized("@SUM(1+1)")).isEqualTo("'@SUM(1+1)");
        assertThat(SpreadsheetText.neutralized("\t=1+1")).isEqualTo("'\\t=1+1");
        assertThat(SpreadsheetText.neutralized("\r=1+1")).isEqualTo("'\\r=1+1");
    }

    @Test
    void ordinaryText_andFormulaCharactersInside_areUnchanged() {
        assertThat(SpreadsheetText.neutralized("Ann O'Brien-Lee")).isEqualTo("Ann O'Brien-Lee");
        assertThat(SpreadsheetText.neutralized("a+b=c@x.com")).isEqualTo("a+b=c@x.com");
        assertThat(SpreadsheetText.neutralized("Robert'); DROP TABLE purchases;--"))
                .isEqualTo("Robert'); DROP TABLE purchases;--");
        assertThat(SpreadsheetText.neutralized("")).isEmpty();
        assertThat(SpreadsheetText.neutralized(null)).isNull();
    }

    @Test
    void lineBreaksAndControlsInside_areShownAsEscapes_soNoNewRowCanStartWithAFormula() {
        assertThat(SpreadsheetText.neutralized("Ann\n=1+1")).isEqualTo("Ann\\n=1+1");
        assertThat(SpreadsheetText.neutralized("Ann\r\nLee\tX\u0007")).isEqualTo("Ann\\r\\nLee\\tX\\u0007");
    }
}
