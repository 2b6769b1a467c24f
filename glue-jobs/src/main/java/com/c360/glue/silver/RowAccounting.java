package com.c360.glue.silver;

import java.util.Map;

/** Every row read ends up in exactly one place: rowsRead = rowsValid + rowsQuarantined + duplicatesCollapsed. */
public record RowAccounting(
        long rowsRead,
        long rowsValid,
        long rowsQuarantined,
        long duplicatesCollapsed,
        Map<String, Long> quarantinedByReason) {

    public RowAccounting {
        quarantinedByReason = Map.copyOf(quarantinedByReason);
        if (rowsRead != rowsValid + rowsQuarantined + duplicatesCollapsed) {
            throw new IllegalStateException("Row accounting does not balance: read " + rowsRead + " != valid " + rowsValid
                    + " + quarantined " + rowsQuarantined + " + collapsed " + duplicatesCollapsed);
        }
    }
}
