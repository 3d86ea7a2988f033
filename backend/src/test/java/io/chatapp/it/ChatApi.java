package io.chatapp.it;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The chat API as a client sees it; bodies are raw JSON text so that tests can send anything. */
@Path("/")
public interface ChatApi {

    @POST
    @Path("messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response post(String json);

    @GET
    @Path("messages")
    @Produces(MediaType.APPLICATION_JSON)
    Response history(@QueryParam("room") String room, @QueryParam("limit") Integer limit, @QueryParam("before") String before);

    @GET
    @Path("messages/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Response message(@PathParam("id") String id);

    @GET
    @Path("rooms")
    @Produces(MediaType.APPLICATION_JSON)
    Response rooms();

    @GET
    @Path("rooms")
    @Produces(MediaType.APPLICATION_JSON)
    Response rooms(@QueryParam("scope") String scope);

    @POST
    @Path("rooms")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response createRoom(String json);

    @GET
    @Path("rooms/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Response room(@PathParam("id") String id);

    @PUT
    @Path("rooms/{id}/members/{userId}")
    Response addMember(@PathParam("id") String id, @PathParam("userId") String userId);

    @DELETE
    @Path("rooms/{id}/members/{userId}")
    Response removeMember(@PathParam("id") String id, @PathParam("userId") String userId);

    @PUT
    @Path("rooms/{id}/read")
    @Consumes(MediaType.APPLICATION_JSON)
    Response read(@PathParam("id") String id, String json);

    @POST
    @Path("direct")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response direct(String json);

    @GET
    @Path("users")
    @Produces(MediaType.APPLICATION_JSON)
    Response users(@QueryParam("q") String q);

    @POST
    @Path("ws-ticket")
    @Produces(MediaType.APPLICATION_JSON)
    Response ticket();
}
