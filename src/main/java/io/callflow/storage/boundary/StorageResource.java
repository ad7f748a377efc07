package io.callflow.storage.boundary;

import io.callflow.platform.json.Jsonp;
import io.callflow.platform.rest.GmsUser;
import io.callflow.platform.rest.ProblemException;
import io.callflow.platform.rest.RequestParameters;
import io.callflow.storage.control.AppDataStore;
import io.callflow.storage.control.StorageAccess;
import io.callflow.storage.entity.AppData;
import io.callflow.storage.entity.StorageEntry;
import io.callflow.storage.entity.StorageTtl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * GMS's Storage API: {@code POST /genesys/1/storage/{ttl}} keeps the body's key/values for {@code
 * ttl} seconds and answers their id; {@code GET …/{id}} answers them all, {@code GET …/{id}/{key}}
 * one as plain text; {@code DELETE …/{id}} forgets them. An entry stored with a {@code gms_user}
 * header answers only requests with the same header; to anyone else it does not exist.
 *
 * <p>No {@code @Consumes} or {@code @Produces}: GMS clients send bodies as forms, multipart or JSON
 * and whatever {@code Accept} their HTTP stack chooses, and must never get a 406 for it.
 */
@Path("genesys/1/storage")
@ApplicationScoped
public class StorageResource {

  private static final MediaType TEXT_UTF8 = MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8");

  @Inject AppDataStore store;
  @Inject StorageAccess access;

  @POST
  @Path("{ttl}")
  public Response store(
      @PathParam("ttl") String ttl,
      @HeaderParam(GmsUser.HEADER) String gmsUser,
      @Context HttpHeaders headers,
      InputStream body) {
    StorageTtl timeToLive = ttl(ttl);
    String owner = owner(gmsUser);
    if (owner != null && owner.length() > StorageEntry.MAX_GMS_USER_LENGTH) {
      throw ProblemException.badParameter(
          GmsUser.HEADER, "longer than " + StorageEntry.MAX_GMS_USER_LENGTH + " characters");
    }
    AppData data = new AppData(RequestParameters.parse(headers.getMediaType(), body));
    if (!data.isWithinLimit()) {
      throw tooLarge(data);
    }
    return json(idOf(store.store(data.values(), timeToLive.duration(), owner)));
  }

  @GET
  @Path("{id}")
  public Response read(@PathParam("id") String id, @HeaderParam(GmsUser.HEADER) String gmsUser) {
    JsonObjectBuilder body = Jsonp.createObjectBuilder();
    entry(id, gmsUser).data().forEach(body::add);
    return json(body.build());
  }

  @GET
  @Path("{id}/{key}")
  public Response readValue(
      @PathParam("id") String id,
      @PathParam("key") String key,
      @HeaderParam(GmsUser.HEADER) String gmsUser) {
    String value =
        entry(id, gmsUser)
            .value(key)
            .orElseThrow(
                () -> ProblemException.notFound("no key " + key + " in storage entry " + id));
    return Response.ok(value, TEXT_UTF8).build();
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id, @HeaderParam(GmsUser.HEADER) String gmsUser) {
    if (!access.delete(id, owner(gmsUser))) {
      throw unknown(id);
    }
    return json(idOf(id));
  }

  private StorageEntry entry(String id, String gmsUser) {
    return access.read(id, owner(gmsUser)).orElseThrow(() -> unknown(id));
  }

  static StorageTtl ttl(String seconds) {
    try {
      return StorageTtl.parse(seconds);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badParameter("ttl", e.getMessage());
    }
  }

  /**
   * The request's {@code gms_user}, null without one; an empty header names nobody, so it counts as
   * none.
   */
  static String owner(String gmsUser) {
    return gmsUser == null || gmsUser.isBlank() ? null : gmsUser;
  }

  static ProblemException tooLarge(AppData data) {
    String reason =
        "app data of " + data.sizeInBytes() + " bytes is larger than " + AppData.MAX_BYTES;
    return ProblemException.tooLarge("body", reason);
  }

  private static ProblemException unknown(String id) {
    return ProblemException.notFound("no storage entry " + id);
  }

  private static JsonObject idOf(String id) {
    return Jsonp.createObjectBuilder().add("id", id).build();
  }

  private static Response json(JsonObject body) {
    return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }
}
