package com.c360.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.contract.LambdaFunction;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * A handler string names a class and method that Lambda looks up only at the first invocation; a typo or a renamed
 * class would deploy cleanly and then fail every event. These check every Java function's handler against the jar
 * that function deploys.
 */
class LambdaHandlersTest {

    @Test
    void javaFunctions_areTheThreeC360Handlers() {
        assertThat(javaFunctions()).extracting(JavaFunction::className).containsExactlyInAnyOrder(
                "com.c360.lambda.trigger.TriggerHandler",
                "com.c360.lambda.upsert.UpsertHandler",
                "com.c360.lambda.migration.MigrationHandler");
    }

    @Test
    void everyJavaHandler_isAClassInTheDeployedLambdasJar_withAPublicHandlerMethod() throws Exception {
        for (JavaFunction function : javaFunctions()) {
            Path deployedJar = SynthesizedApp.assemblyDirectory().resolve("asset." + function.assetKey());
            try (JarFile jar = new JarFile(deployedJar.toFile());
                 URLClassLoader loader = new URLClassLoader(new URL[] {deployedJar.toUri().toURL()},
                         ClassLoader.getPlatformClassLoader())) {
                assertThat(jar.getEntry(function.className().replace('.', '/') + ".class"))
                        .as("%s in %s", function.className(), deployedJar.getFileName()).isNotNull();
                Class<?> handler = Class.forName(function.className(), false, loader);
                assertThat(Arrays.stream(handler.getMethods()).map(Method::getName)).as(function.handler())
                        .contains(function.methodName());
                assertThat(Modifier.isPublic(handler.getModifiers())).as(function.handler()).isTrue();
            }
        }
    }

    @Test
    void everyJavaFunction_deploysTheJarBuiltForIt_theTriggerItsOwn() throws IOException {
        for (JavaFunction function : javaFunctions()) {
            Path built = function.className().equals(LambdaFunction.TRIGGER.handlerClass())
                    ? SynthesizedApp.ARTIFACTS.triggerJar()
                    : SynthesizedApp.ARTIFACTS.lambdasJar();
            Path deployed = SynthesizedApp.assemblyDirectory().resolve("asset." + function.assetKey());
            assertThat(Files.mismatch(deployed, built)).as(function.handler()).isEqualTo(-1L);
        }
    }

    /** A Java function of the synthesized app: its handler string and the S3 key of its code asset. */
    private record JavaFunction(String handler, String assetKey) {
        String className() {
            return handler.substring(0, handler.indexOf("::"));
        }

        String methodName() {
            return handler.substring(handler.indexOf("::") + 2);
        }
    }

    private static List<JavaFunction> javaFunctions() {
        List<JavaFunction> functions = new ArrayList<>();
        for (JsonNode template : SynthesizedApp.allTemplates()) {
            for (JsonNode function : SynthesizedApp.resources(template, "AWS::Lambda::Function").values()) {
                JsonNode properties = function.path("Properties");
                if (properties.path("Runtime").asText().startsWith("java")) {
                    functions.add(new JavaFunction(properties.path("Handler").asText(),
                            properties.at("/Code/S3Key").asText()));
                }
            }
        }
        return functions;
    }
}
