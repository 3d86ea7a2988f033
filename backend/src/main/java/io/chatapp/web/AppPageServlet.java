package io.chatapp.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The web app's own addresses ({@code /rooms/<id>}, a room) are pages of the single-page app: the
 * browser gets {@code index.html}, and the app shows the room. So a link to a room, a reload
 * and Back all work.
 */
@WebServlet("/rooms/*")
public class AppPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        request.getRequestDispatcher("/index.html").forward(request, response);
    }
}
