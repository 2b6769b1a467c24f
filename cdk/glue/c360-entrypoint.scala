// The script location of every c360 Glue job (Glue 6.0, Scala 2.13). The jobs themselves are Java classes in the
// shaded glue-jobs jar: each job names its class with --class and ships the jar with --extra-jars (see PipelineStack),
// so this script defines nothing. GlueEntrypointScriptTest compiles it with Scala 2.13.17, the version Glue 6.0 runs.
