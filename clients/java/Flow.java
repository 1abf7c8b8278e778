// The CHEAA standard's main flow through the Java client swagger-codegen generates (library
// resttemplate) from generated/cheaa-c2c/platform.openapi-3.0.json, as a partner platform would
// run it: login (7.1.1), bind (7.2.1), list (7.2.3), status (7.2.6), operation (7.2.7), an
// operation on a device the user has not bound (refused: RetCode 4031) and logout (7.1.2).
//
// `npm run test:clients` generates and compiles the client, compiles this file against it and
// Debian's Spring and Jackson jars, starts the reference platform and runs `java Flow` with the
// CHEAA_* variables set. Prints "ok <step>: ..." per step; exits non-zero at the first failure.
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.cloudinterop.cheaa.platform.ApiClient;
import org.cloudinterop.cheaa.platform.api.DeviceManagementApi;
import org.cloudinterop.cheaa.platform.api.UserManagementApi;
import org.cloudinterop.cheaa.platform.model.*;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;

public class Flow {
  static final String PLAT_ID = System.getenv("CHEAA_PLAT_ID");
  static final String APP_ID = System.getenv("CHEAA_APP_ID");

  static void check(boolean condition, String message) {
    if (!condition) {
      System.out.println("FAILED: " + message);
      System.exit(1);
    }
  }

  static void ok(String step, String detail) {
    System.out.println("ok " + step + ": " + detail);
  }

  // The fluent setters of DeviceInfoWithID and UserBaseWithLoginID are inherited and return the
  // parent type, which the requests do not take: the plain setters keep the subclass.
  static DeviceInfoWithID device(String deviceId) {
    DeviceInfoWithID info = new DeviceInfoWithID();
    info.setDeviceID(deviceId);
    return info;
  }

  static List<DeviceSelector> selector(String deviceId) {
    List<DeviceSelector> list = new ArrayList<>();
    list.add(new DeviceSelector().deviceInfo(device(deviceId)));
    return list;
  }

  static DeviceOpRequest command(String userId, String deviceId) {
    // DeviceAttr is a map with some attributes named: Jackson writes the map's entries only, so
    // the attributes go in with put(), not with the named setters (see the report on DeviceAttr).
    DeviceAttr attrs = new DeviceAttr();
    attrs.put("onOffStatus", BooleanString.TRUE.toString());
    return new DeviceOpRequest().userID(userId).addDeviceItem(new DeviceCommand().deviceInfo(device(deviceId)).deviceAttr(attrs));
  }

  public static void main(String[] args) throws Exception {
    String deviceId = System.getenv("CHEAA_DEVICE_ID");
    String unboundId = System.getenv("CHEAA_UNBOUND_DEVICE_ID");
    ApiClient client = new ApiClient();
    client.setBasePath(System.getenv("CHEAA_BASE_URL"));
    UserManagementApi users = new UserManagementApi(client);
    DeviceManagementApi devices = new DeviceManagementApi(client);

    // 7.1.1: the platform asks the partner's user verify (7.1.4) before it answers.
    UserBaseWithLoginID loginUser = new UserBaseWithLoginID();
    loginUser.setLoginID(System.getenv("CHEAA_LOGIN_ID"));
    UserLoginRequest login = new UserLoginRequest()
        .addUserItem(new UserWithLoginID().userBase(loginUser))
        .authToken(System.getenv("CHEAA_AUTH_TOKEN"));
    ResponseEntity<UserLoginReply> loggedIn = users.userLoginWithHttpInfo(login, PLAT_ID, APP_ID);
    check(loggedIn.getBody().getRetCode() == RetCode._200, "login RetCode " + loggedIn.getBody().getRetCode());
    String accessToken = loggedIn.getHeaders().getFirst("AccessToken");
    check(accessToken != null && !accessToken.isEmpty(), "the login reply has no AccessToken header");
    String userId = loggedIn.getBody().getUser().get(0).getUserBase().getUserID();
    client.setApiKey(accessToken);
    ok("login", "UserID " + userId + ", AccessToken from the response header");

    // 7.2.1
    BindDevicesReply bound = devices.userBindDevices(new BindDevicesRequest().userID(userId).device(selector(deviceId)), PLAT_ID, APP_ID);
    check(bound.getRetCode() == RetCode._200 && bound.getFailedIDs().isEmpty(), "bind: " + bound);
    ok("bind", deviceId);

    // 7.2.3
    UserDevicesReply listed = devices.usersDevices(new UserDevicesRequest().userID(userId), PLAT_ID, APP_ID);
    check(listed.getRetCode() == RetCode._200, "list RetCode " + listed.getRetCode());
    check(listed.getDevice().stream().anyMatch(d -> deviceId.equals(d.getDeviceInfo().getDeviceID())), "list: " + deviceId + " not among " + listed.getDevice());
    ok("list", listed.getDevice().size() + " device(s), " + deviceId + " among them");

    // 7.2.6
    DeviceStatusReply state = devices.devicesDeviceStatus(new DeviceStatusRequest().userID(userId).device(selector(deviceId)), PLAT_ID, APP_ID);
    DeviceAttr attrs = state.getDevice().get(0).getDeviceAttr();
    check(state.getRetCode() == RetCode._200 && attrs.containsKey("onOffStatus"), "status: " + attrs);
    ok("status", "onOffStatus=" + attrs.get("onOffStatus"));

    // 7.2.7
    Result done = devices.devicesOp(command(userId, deviceId), PLAT_ID, APP_ID);
    check(done.getRetCode() == RetCode._200, "op RetCode " + done.getRetCode());
    ok("op", "onOffStatus=True");

    // 7.2.7 on a device bound to nobody: HTTP 403, whose body is the spec's Result.
    try {
      devices.devicesOp(command(userId, unboundId), PLAT_ID, APP_ID);
      check(false, "op on an unbound device was accepted");
    } catch (HttpClientErrorException refused) {
      Result result = new ObjectMapper().readValue(refused.getResponseBodyAsString(), Result.class);
      check(refused.getRawStatusCode() == 403 && result.getRetCode() == RetCode._4031, "refusal HTTP " + refused.getRawStatusCode() + " RetCode " + result.getRetCode());
      ok("refused", "HTTP " + refused.getRawStatusCode() + " RetCode " + result.getRetCode() + " (" + result.getRetInfo() + ")");
    }

    // 7.1.2
    Result out = users.userLogout(new UserLogoutRequest(), PLAT_ID);
    check(out.getRetCode() == RetCode._200, "logout RetCode " + out.getRetCode());
    ok("logout", "AccessToken revoked");
  }
}
