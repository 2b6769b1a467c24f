package com.c360.local.asl;

import java.util.List;
import java.util.Optional;

/**
 * One entry of a Task's Catch list.
 *
 * @param resultPath where the error object goes in the state's input; empty when the definition says null
 */
record Catcher(List<String> errorEquals, Optional<ReferencePath> resultPath, String next) {

  Catcher {
    errorEquals = List.copyOf(errorEquals);
  }

  boolean matches(String error) {
    return ErrorNames.matches(errorEquals, error);
  }
}
