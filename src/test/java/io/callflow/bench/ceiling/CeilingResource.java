package io.callflow.bench.ceiling;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the product's hot path could cost at best on this server: a POST answering a small JSON
 * object without touching the database ({@code /echo}), and one doing one allocate ({@code
 * /allocate}) or release ({@code /release}) transaction, answered with the same names the product
 * uses so one load script drives both.
 */
@ApplicationScoped
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CeilingResource {

  @Resource(lookup = CeilingDataSource.JNDI_NAME)
  private DataSource pool;

  @POST
  @Path("echo")
  public String echo() {
    return "{\"status\":\"ok\"}";
  }

  @POST
  @Path("allocate")
  public Response allocate() throws SQLException {
    Optional<CeilingTransactions.Booking> booked;
    try (Connection connection = pool.getConnection()) {
      booked = CeilingTransactions.allocate(connection);
    }
    return booked
        .map(
            b ->
                Response.ok(
                    "{\"_access_number\":\""
                        + b.number()
                        + "\",\"_access_code\":\""
                        + b.code()
                        + "\"}"))
        .orElseGet(() -> Response.status(503))
        .build();
  }

  @POST
  @Path("release")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response release(
      @FormParam("_access_number") String number, @FormParam("_access_code") String code)
      throws SQLException {
    boolean released;
    try (Connection connection = pool.getConnection()) {
      released =
          CeilingTransactions.release(connection, new CeilingTransactions.Booking(number, code));
    }
    return released
        ? Response.ok("{\"status\":\"released\"}").build()
        : Response.status(404).build();
  }
}
