package io.chatapp.web;

import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.Map;

/**
 * The error page for what the container answers itself, before the API sees the request (a
 * Content-Type it cannot parse, a refused token, a path that does not exist): the same RFC 9457
 * problem detail the API gives, never the container's message or a stack trace.
 * Mapped in {@code web.xml}.
 */
@WebServlet("/error-page")
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Map<Integer, String> DETAILS = Map.of(
            400, "The request could not be read; check its Content-Type and body",
            401, "A valid bearer token from the issuer is required",
            403, "Not allowed",
            404, "Nothing here",
            405, "This method is not allowed here",
            413, "The request body is too large",
            415, "Unsupported content type; send application/json",
            500, "Something went wrong on the server; nothing was accepted");

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : response.getStatus();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title(status))
                .add("status", status)
                .add("detail", DETAILS.getOrDefault(status, title(status)))
                .build().toString());
    }

    private static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
