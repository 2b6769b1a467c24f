package com.c360.local.asl;

import java.util.Optional;

/** Turns a path-valued definition field into a {@link ReferencePath}, reporting why it cannot be one. */
final class PathCompiler {

  private PathCompiler() {}

  static Optional<ReferencePath> compile(
      DefinitionProblems.Scope scope, String field, String text, boolean contextObjectAllowed) {
    if (IntrinsicFunction.looksLikeCall(text)) {
      scope.report(field, "intrinsic function '" + text + "' is not supported here by the local interpreter, "
          + "only in a Parameters or ResultSelector field ending in '.$'");
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
