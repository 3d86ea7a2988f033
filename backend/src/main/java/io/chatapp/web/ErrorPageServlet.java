package io.chatapp.web;

import io.chatapp.model.MessageJson;
import io.chatapp.problem.Problem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.time.Clock;
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

    private final transient BearerChallengeCheck bearerChallenge = new BearerChallengeCheck(Clock.systemUTC());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : response.getStatus();
        response.setStatus(status);
        if (status == 401) {
            bearerChallenge.inspect(request.getHeader("Authorization"), response.getHeader("WWW-Authenticate"));
        }
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(MessageJson.toJson(problem(status)));
    }

    private static Problem problem(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String detail = DETAILS.get(status);
        return known == null ? new Problem("about:blank", "Error", status, detail == null ? "Error" : detail, null)
                : Problem.of(known, detail == null ? known.getReasonPhrase() : detail);
    }
}
