package io.callflow.platform.rest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.GmsClient;
import io.callflow.testing.TestServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The server's OpenAPI document ({@code /openapi}) describes every resource method of the WAR well
 * enough to generate a client from: its HTTP method, path, query and header parameters, its request
 * body where the method reads one, a success answer with an example, and the problem answers
 * ({@code application/problem+json}) it can give. Nothing is generated here; the resource classes
 * are read from the build's classes.
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

  /** Parameter annotations that make a method parameter something other than the request body. */
  private static final List<Class<? extends Annotation>> NOT_BODY =
      List.of(
          PathParam.class,
          QueryParam.class,
          HeaderParam.class,
          CookieParam.class,
          MatrixParam.class,
          FormParam.class,
          BeanParam.class,
          Context.class);

  static final String PROBLEM_JSON = "application/problem+json";
  static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

  /** One resource method as OpenAPI names it, and whether it reads a request body. */
  record Operation(String verb, String path, List<String> parameters, boolean readsBody) {

    String name() {
      return verb.toUpperCase() + " " + path;
    }
  }

  private static JsonObject served;

  @Test
  void everyResourceMethodAppearsWithItsParameters() {
    JsonObject paths = document().getJsonObject("paths");
    List<Operation> operations = operations();
    assertTrue(operations.size() > 30, "resource methods found: " + operations);
    List<String> missing = new ArrayList<>();
    for (Operation operation : operations) {
      JsonObject item = paths.getJsonObject(operation.path());
      JsonObject described = item == null ? null : item.getJsonObject(operation.verb());
      if (described == null) {
        missing.add(operation.name());
        continue;
      }
      List<String> documented = new ArrayList<>();
      documented.addAll(parameterNames(document(), item.get("parameters")));
      documented.addAll(parameterNames(document(), described.get("parameters")));
      for (String parameter : operation.parameters()) {
        if (!documented.contains(parameter)) {
          missing.add(operation.name() + " parameter " + parameter);
        }
      }
    }
    assertTrue(missing.isEmpty(), "not in /openapi: " + missing);
  }

  /** The document is written by hand: an operation whose resource method is gone must go too. */
  @Test
  void everyDocumentedOperationIsAResourceMethod() {
    List<String> resources = operations().stream().map(Operation::name).toList();
    List<String> stale = new ArrayList<>();
    JsonObject paths = document().getJsonObject("paths");
    for (String path : paths.keySet()) {
      for (String verb : paths.getJsonObject(path).keySet()) {
        if (VERBS.containsValue(verb) && !resources.contains(verb.toUpperCase() + " " + path)) {
          stale.add(verb.toUpperCase() + " " + path);
        }
      }
    }
    assertTrue(stale.isEmpty(), "in /openapi, but no resource method answers: " + stale);
  }

  @Test
  void everyOperationDocumentsItsBodyItsAnswerAndItsProblems() {
    List<String> gaps = gaps(document(), operations());
    assertTrue(gaps.isEmpty(), "incompletely documented in /openapi:\n" + String.join("\n", gaps));
  }

  @Test
  void everyReferenceResolves() {
    List<String> dangling = new ArrayList<>();
    walk(document(), document(), dangling);
    assertTrue(dangling.isEmpty(), "$ref to nothing in /openapi: " + dangling);
  }

  private static synchronized JsonObject document() {
    if (served == null) {
      GmsClient.Reply reply =
          TestServer.gms().withHeader("Accept", "application/json").get("/openapi");
      assertTrue(reply.status() == 200, reply::toString);
      served = reply.json();
    }
    return served;
  }

  /**
   * What {@code document} leaves out of each operation: a success answer (2xx) whose every media
   * type has a schema and an example, the request body of a method that reads one (with a schema of
   * its own per media type and an example), at least one problem answer, a 400 when the method
   * reads a body, a 401 under {@code /admin}, and every problem answer as {@code
   * application/problem+json} of the Problem schema with an example.
   */
  static List<String> gaps(JsonObject document, List<Operation> operations) {
    JsonObject paths = document.getJsonObject("paths");
    List<String> gaps = new ArrayList<>();
    for (Operation operation : operations) {
      JsonObject item = paths == null ? null : paths.getJsonObject(operation.path());
      JsonObject described = item == null ? null : item.getJsonObject(operation.verb());
      if (described == null) {
        gaps.add(operation.name() + ": missing");
        continue;
      }
      String name = operation.name();
      JsonObject responses =
          described.containsKey("responses")
              ? described.getJsonObject("responses")
              : JsonValue.EMPTY_JSON_OBJECT;
      successGaps(document, name, responses, gaps);
      if (operation.readsBody()) {
        bodyGaps(document, name, described, gaps);
      }
      problemGaps(document, operation, responses, gaps);
    }
    return gaps;
  }

  private static void successGaps(
      JsonObject document, String name, JsonObject responses, List<String> gaps) {
    boolean any = false;
    for (String status : responses.keySet()) {
      if (!status.startsWith("2")) {
        continue;
      }
      any = true;
      if (status.equals("204")) {
        continue;
      }
      JsonObject content = resolve(document, responses.get(status)).getJsonObject("content");
      if (content == null || content.isEmpty()) {
        gaps.add(name + ": answer " + status + " has no content");
        continue;
      }
      for (String type : content.keySet()) {
        JsonObject media = content.getJsonObject(type);
        if (!media.containsKey("schema")) {
          gaps.add(name + ": answer " + status + " " + type + " has no schema");
        }
        if (!hasExample(media)) {
          gaps.add(name + ": answer " + status + " " + type + " has no example");
        }
      }
    }
    if (!any) {
      gaps.add(name + ": no success answer (2xx)");
    }
  }

  private static void bodyGaps(
      JsonObject document, String name, JsonObject described, List<String> gaps) {
    if (!described.containsKey("requestBody")) {
      gaps.add(name + ": reads a body, documents none");
      return;
    }
    JsonObject content = resolve(document, described.get("requestBody")).getJsonObject("content");
    if (content == null || content.isEmpty()) {
      gaps.add(name + ": request body without content");
      return;
    }
    boolean example = false;
    for (String type : content.keySet()) {
      JsonObject media = content.getJsonObject(type);
      if (!isDescribed(media.get("schema"))) {
        gaps.add(name + ": request body " + type + " has no schema of its own");
      }
      example |= hasExample(media);
    }
    if (!example) {
      gaps.add(name + ": request body has no example");
    }
  }

  private static void problemGaps(
      JsonObject document, Operation operation, JsonObject responses, List<String> gaps) {
    String name = operation.name();
    List<String> problems = new ArrayList<>();
    for (String status : responses.keySet()) {
      if (!status.startsWith("4") && !status.startsWith("5")) {
        continue;
      }
      problems.add(status);
      JsonObject content = resolve(document, responses.get(status)).getJsonObject("content");
      JsonObject media = content == null ? null : content.getJsonObject(PROBLEM_JSON);
      if (media == null) {
        gaps.add(name + ": problem answer " + status + " is not " + PROBLEM_JSON);
        continue;
      }
      if (!PROBLEM_SCHEMA.equals(reference(media.get("schema")).orElse(""))) {
        gaps.add(name + ": problem answer " + status + " is not of schema " + PROBLEM_SCHEMA);
      }
      if (!hasExample(media)) {
        gaps.add(name + ": problem answer " + status + " has no example");
      }
    }
    if (problems.isEmpty()) {
      gaps.add(name + ": no problem answer");
    }
    if (operation.readsBody() && !problems.contains("400")) {
      gaps.add(name + ": reads a body, documents no 400");
    }
    if (operation.path().startsWith("/admin/") && !problems.contains("401")) {
      gaps.add(name + ": needs an administrator, documents no 401");
    }
  }

  private static boolean hasExample(JsonObject media) {
    return media.containsKey("example") || media.containsKey("examples");
  }

  /** A schema that says something: a reference, or more than a bare object. */
  private static boolean isDescribed(JsonValue schema) {
    if (!(schema instanceof JsonObject object)) {
      return false;
    }
    if (reference(object).isPresent()) {
      return true;
    }
    return object.containsKey("properties")
        || object.containsKey("additionalProperties")
        || object.containsKey("items")
        || !"object".equals(object.getString("type", "object"));
  }

  private static Optional<String> reference(JsonValue value) {
    return value instanceof JsonObject object && object.get("$ref") instanceof JsonString ref
        ? Optional.of(ref.getString())
        : Optional.empty();
  }

  /** The object itself, or the component its {@code $ref} names (an empty object if none). */
  private static JsonObject resolve(JsonObject document, JsonValue value) {
    Optional<String> ref = reference(value);
    if (ref.isEmpty()) {
      return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    }
    if (!ref.get().startsWith("#/")) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    JsonValue target = document;
    for (String step : ref.get().substring(2).split("/")) {
      if (!(target instanceof JsonObject object) || !object.containsKey(step)) {
        return JsonValue.EMPTY_JSON_OBJECT;
      }
      target = object.get(step);
    }
    return target instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
  }

  /** Collects every {@code $ref} under {@code value} that names nothing in {@code document}. */
  private static void walk(JsonObject document, JsonValue value, List<String> dangling) {
    if (value instanceof JsonObject object) {
      reference(object).filter(ref -> resolve(document, object).isEmpty()).ifPresent(dangling::add);
      object.values().forEach(child -> walk(document, child, dangling));
    } else if (value instanceof JsonArray array) {
      array.forEach(child -> walk(document, child, dangling));
    }
  }

  private static List<String> parameterNames(JsonObject document, JsonValue parameters) {
    if (!(parameters instanceof JsonArray array)) {
      return List.of();
    }
    return array.stream()
        .map(p -> resolve(document, p))
        .map(p -> p.getString("in", "") + ":" + p.getString("name", ""))
        .toList();
  }

  /** Every resource method of the application's classes (not the tests'), as OpenAPI names it. */
  static List<Operation> operations() {
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
                      parameters(method),
                      readsBody(method)));
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

  /** A parameter without a JAX-RS annotation is the request's entity. */
  private static boolean readsBody(Method method) {
    for (Parameter parameter : method.getParameters()) {
      if (NOT_BODY.stream().noneMatch(parameter::isAnnotationPresent)) {
        return true;
      }
    }
    return false;
  }
}
