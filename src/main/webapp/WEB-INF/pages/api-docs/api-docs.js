// Swagger UI over the server's own OpenAPI document; "Try it out" sends real requests to this server.
"use strict";

window.addEventListener("load", () => {
  window.ui = SwaggerUIBundle({
    url: `${location.origin}/openapi`,
    dom_id: "#swagger-ui",
    deepLinking: true,
    tryItOutEnabled: false,
  });
});
