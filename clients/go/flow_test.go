// The CHEAA standard's main flow through the Go client swagger-codegen generates from
// generated/cheaa-c2c/platform.openapi-3.0.json (package cheaaplatform), as a partner platform
// would run it: login (7.1.1), bind (7.2.1), list (7.2.3), status (7.2.6), operation (7.2.7), an
// operation on a device the user has not bound (refused: RetCode 4031) and logout (7.1.2).
//
// `npm run test:clients` generates the client, puts it at cloudinterop/cheaaplatform in a GOPATH,
// compiles this test with `go test -c`, starts the reference platform and runs the binary with the
// CHEAA_* variables set. Each step logs "ok <step>: ..." to stdout.
package flow

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"testing"

	cheaa "cloudinterop/cheaaplatform"
)

func ok(step, format string, args ...interface{}) {
	fmt.Printf("ok %s: %s\n", step, fmt.Sprintf(format, args...))
}

func selector(deviceID string) []cheaa.DeviceSelector {
	return []cheaa.DeviceSelector{{DeviceInfo: &cheaa.DeviceInfoWithId{DeviceID: deviceID}}}
}

func command(userID, deviceID string, attrs map[string]string) cheaa.DeviceOpRequest {
	return cheaa.DeviceOpRequest{UserID: userID, Device: []cheaa.DeviceCommand{{DeviceInfo: &cheaa.DeviceInfoWithId{DeviceID: deviceID}, DeviceAttr: &attrs}}}
}

// retCode reads a RetCode the generated types left as a pointer.
func retCode(code *cheaa.RetCode) cheaa.RetCode {
	if code == nil {
		return ""
	}
	return *code
}

func TestMainFlow(t *testing.T) {
	platID, appID := os.Getenv("CHEAA_PLAT_ID"), os.Getenv("CHEAA_APP_ID")
	deviceID, unboundID := os.Getenv("CHEAA_DEVICE_ID"), os.Getenv("CHEAA_UNBOUND_DEVICE_ID")
	if os.Getenv("CHEAA_BASE_URL") == "" {
		t.Fatal("CHEAA_BASE_URL is not set: run this through npm run test:clients")
	}
	cfg := cheaa.NewConfiguration()
	cfg.BasePath = os.Getenv("CHEAA_BASE_URL")
	client := cheaa.NewAPIClient(cfg)
	ctx := context.Background()

	// 7.1.1: the platform asks the partner's user verify (7.1.4) before it answers.
	login := cheaa.UserLoginRequest{
		User:      []cheaa.UserWithLoginId{{UserBase: &cheaa.UserBaseWithLoginId{LoginID: os.Getenv("CHEAA_LOGIN_ID")}}},
		AuthToken: os.Getenv("CHEAA_AUTH_TOKEN"),
	}
	loggedIn, resp, err := client.UserManagementApi.UserLogin(ctx, login, platID, nil)
	if err != nil || retCode(loggedIn.RetCode) != cheaa.RetCodeOk {
		t.Fatalf("login: %v RetCode %v", err, retCode(loggedIn.RetCode))
	}
	accessToken := resp.Header.Get("AccessToken")
	if accessToken == "" {
		t.Fatal("the login reply has no AccessToken header")
	}
	userID := loggedIn.User[0].UserBase.UserID
	ok("login", "UserID %s, AccessToken from the response header", userID)
	ctx = context.WithValue(ctx, cheaa.ContextAPIKey, cheaa.APIKey{Key: accessToken})

	// 7.2.1
	bound, _, err := client.DeviceManagementApi.UserBindDevices(ctx, cheaa.BindDevicesRequest{UserID: userID, Device: selector(deviceID)}, platID, appID)
	if err != nil || retCode(bound.RetCode) != cheaa.RetCodeOk || bound.FailedIDs == nil || len(*bound.FailedIDs) != 0 {
		t.Fatalf("bind: %v %+v", err, bound)
	}
	ok("bind", "%s", deviceID)

	// 7.2.3
	listed, _, err := client.DeviceManagementApi.UsersDevices(ctx, cheaa.UserDevicesRequest{UserID: userID}, platID, appID)
	if err != nil || retCode(listed.RetCode) != cheaa.RetCodeOk {
		t.Fatalf("list: %v %+v", err, listed)
	}
	found := false
	for _, d := range listed.Device {
		found = found || d.DeviceInfo.DeviceID == deviceID
	}
	if !found {
		t.Fatalf("list: %s is not among %+v", deviceID, listed.Device)
	}
	ok("list", "%d device(s), %s among them", len(listed.Device), deviceID)

	// 7.2.6
	state, _, err := client.DeviceManagementApi.DevicesDeviceStatus(ctx, cheaa.DeviceStatusRequest{UserID: userID, Device: selector(deviceID)}, platID, nil)
	if err != nil || retCode(state.RetCode) != cheaa.RetCodeOk || state.Device[0].DeviceAttr == nil {
		t.Fatalf("status: %v %+v", err, state)
	}
	power, has := (*state.Device[0].DeviceAttr)["onOffStatus"]
	if !has {
		t.Fatalf("status: no onOffStatus in %v", *state.Device[0].DeviceAttr)
	}
	ok("status", "onOffStatus=%s", power)

	// 7.2.7
	done, _, err := client.DeviceManagementApi.DevicesOp(ctx, command(userID, deviceID, map[string]string{"onOffStatus": "True"}), platID, nil)
	if err != nil || retCode(done.RetCode) != cheaa.RetCodeOk {
		t.Fatalf("op: %v %+v", err, done)
	}
	ok("op", "onOffStatus=True")

	// 7.2.7 on a device bound to nobody: HTTP 403, which the client decodes into the spec's Result.
	_, resp, err = client.DeviceManagementApi.DevicesOp(ctx, command(userID, unboundID, map[string]string{"onOffStatus": "True"}), platID, nil)
	refusal, isSwaggerError := err.(cheaa.GenericSwaggerError)
	if !isSwaggerError || resp == nil || resp.StatusCode != http.StatusForbidden {
		t.Fatalf("op on an unbound device: want HTTP 403, got %v (%v)", resp, err)
	}
	result, isResult := refusal.Model().(cheaa.Result)
	if !isResult || retCode(result.RetCode) != cheaa.RetCodeDeviceNotBound {
		t.Fatalf("op on an unbound device: want RetCode 4031 in a Result, got %#v", refusal.Model())
	}
	ok("refused", "HTTP %d RetCode %s (%s)", resp.StatusCode, retCode(result.RetCode), result.RetInfo)

	// 7.1.2
	out, _, err := client.UserManagementApi.UserLogout(ctx, cheaa.UserLogoutRequest{}, platID)
	if err != nil || retCode(out.RetCode) != cheaa.RetCodeOk {
		t.Fatalf("logout: %v %+v", err, out)
	}
	ok("logout", "AccessToken revoked")
}
