package io.callflow.platform.rest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.GmsClient;
import io.callflow.testing.TestServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The server's OpenAPI document ({@code /openapi}) names every resource method of the WAR, with its
 * HTTP method and its path, query and header parameters: a client generated from it can reach
 * everything. Nothing is generated here; the resource classes are read from the build's classes.
 */
class OpenApiCompletenessIT {

  private static final Map<Class<? extends Annotation>, String> VERBS =
      Map.of(
          GET.class, "get",
          POST.class, "post",
          PUT.class, "put",
          DELETE.class, "delete",
          PATCH.class, "patch",
          HEAD.class, "head");

  private record Operation(String verb, String path, List<String> parameters) {}

  @Test
  void everyResourceMethodAppearsWithItsParameters() {
    GmsClient.Reply document =
        TestServer.gms().withHeader("Accept", "application/json").get("/openapi");
    assertTrue(document.status() == 200, document::toString);
    JsonObject paths = document.json().getJsonObject("paths");
    List<Operation> operations = operations();
    assertTrue(operations.size() > 30, "resource methods found: " + operations);
    List<String> missing = new ArrayList<>();
    for (Operation operation : operations) {
      JsonObject item = paths.getJsonObject(operation.path());
      JsonObject described = item == null ? null : item.getJsonObject(operation.verb());
      if (described == null) {
        missing.add(operation.verb().toUpperCase() + " " + operation.path());
        continue;
      }
      List<String> documented = new ArrayList<>();
      documented.addAll(parameterNames(item.get("parameters")));
      documented.addAll(parameterNames(described.get("parameters")));
      for (String parameter : operation.parameters()) {
        if (!documented.contains(parameter)) {
          missing.add(
              operation.verb().toUpperCase() + " " + operation.path() + " parameter " + parameter);
        }
      }
    }
    assertTrue(missing.isEmpty(), "not in /openapi: " + missing);
  }

  private static List<String> parameterNames(JsonValue parameters) {
    if (!(parameters instanceof JsonArray array)) {
      return List.of();
    }
    return array.stream()
        .map(JsonValue::asJsonObject)
        .map(p -> p.getString("in", "") + ":" + p.getString("name", ""))
        .toList();
  }

  /** Every resource method of the application's classes (not the tests'), as OpenAPI names it. */
  private static List<Operation> operations() {
    java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
    List<Operation> found = new ArrayList<>();
    try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
        Class<?> type = Class.forName(name, false, OpenApiCompletenessIT.class.getClassLoader());
        Path root = type.getAnnotation(Path.class);
        if (root == null) {
          continue;
        }
        for (Method method : type.getMethods()) {
          for (var verb : VERBS.entrySet()) {
            if (method.isAnnotationPresent(verb.getKey())) {
              Path sub = method.getAnnotation(Path.class);
              found.add(
                  new Operation(
                      verb.getValue(),
                      template(root.value() + "/" + (sub == null ? "" : sub.value())),
                      parameters(method)));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }

  /** {@code genesys/1/service/{id: .+}/} as OpenAPI writes it: {@code /genesys/1/service/{id}}. */
  static String template(String path) {
    String plain = ("/" + path).replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
    plain = plain.replaceAll("/+", "/");
    return plain.length() > 1 && plain.endsWith("/")
        ? plain.substring(0, plain.length() - 1)
        : plain;
  }

  private static List<String> parameters(Method method) {
    List<String> names = new ArrayList<>();
    for (Parameter parameter : method.getParameters()) {
      if (parameter.isAnnotationPresent(PathParam.class)) {
        names.add("path:" + parameter.getAnnotation(PathParam.class).value());
      } else if (parameter.isAnnotationPresent(QueryParam.class)) {
        names.add("query:" + parameter.getAnnotation(QueryParam.class).value());
      } else if (parameter.isAnnotationPresent(HeaderParam.class)) {
        names.add("header:" + parameter.getAnnotation(HeaderParam.class).value());
      }
    }
    return names;
  }
}
