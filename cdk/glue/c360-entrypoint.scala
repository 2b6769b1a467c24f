// Glue requires a script location for a Scala-language (Spark) job, and compiles whatever it finds there.
// The c360 jobs are Java classes in the shaded glue-jobs jar: each Glue job names its class with --class and ships
// the jar with --extra-jars (see PipelineStack), so this script deliberately defines nothing.
