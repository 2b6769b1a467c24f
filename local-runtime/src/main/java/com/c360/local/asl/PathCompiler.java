package com.c360.local.asl;

import java.util.Optional;
import java.util.regex.Pattern;

/** Turns a path-valued definition field into a {@link ReferencePath}, reporting why it cannot be one. */
final class PathCompiler {

  private static final Pattern INTRINSIC_FUNCTION = Pattern.compile("^States\\.[A-Za-z0-9]+\\(.*", Pattern.DOTALL);

  private PathCompiler() {}

  static Optional<ReferencePath> compile(
      DefinitionProblems.Scope scope, String field, String text, boolean contextObjectAllowed) {
    if (INTRINSIC_FUNCTION.matcher(text).matches()) {
      scope.report(field, "intrinsic function '" + text + "' is not supported by the local interpreter");
      return Optional.empty();
    }
    ReferencePath path;
    try {
      path = ReferencePath.parse(text);
    } catch (IllegalArgumentException invalid) {
      scope.report(field, invalid.getMessage());
      return Optional.empty();
    }
    if (path.root() == ReferencePath.Root.CONTEXT_OBJECT) {
      if (!contextObjectAllowed) {
        scope.report(field, "the context object ($$) cannot be used here");
        return Optional.empty();
      }
      Optional<String> unsupported = ContextObject.unsupportedReason(path);
      if (unsupported.isPresent()) {
        scope.report(field, unsupported.get());
        return Optional.empty();
      }
    }
    return Optional.of(path);
  }
}
