"""The CHEAA standard's main flow through the Python client swagger-codegen generates from
generated/cheaa-c2c/platform.openapi-3.0.json (package cheaa_platform), as a partner platform would
run it: login (7.1.1), bind (7.2.1), list (7.2.3), status (7.2.6), operation (7.2.7), an operation on
a device the user has not bound (refused: RetCode 4031) and logout (7.1.2).

Run by `npm run test:clients`, which generates the client, starts the reference platform and sets
the CHEAA_* variables. Prints "ok <step>: ..." per step; exits non-zero at the first failure.
"""

import os
import sys
import types

import cheaa_platform as cheaa
from cheaa_platform.rest import ApiException

env = os.environ
PLAT_ID, APP_ID = env["CHEAA_PLAT_ID"], env["CHEAA_APP_ID"]
DEVICE_ID, UNBOUND_ID = env["CHEAA_DEVICE_ID"], env["CHEAA_UNBOUND_DEVICE_ID"]


def check(condition, message):
    if not condition:
        print("FAILED: " + message)
        sys.exit(1)


def ok(step, detail):
    print("ok %s: %s" % (step, detail))


config = cheaa.Configuration()
config.host = env["CHEAA_BASE_URL"]
client = cheaa.ApiClient(config)
users, devices = cheaa.UserManagementApi(client), cheaa.DeviceManagementApi(client)

# 7.1.1: the platform asks the partner's user verify (7.1.4) before it answers.
login = cheaa.UserLoginRequest(
    user=[cheaa.UserWithLoginID(user_base=cheaa.UserBaseWithLoginID(login_id=env["CHEAA_LOGIN_ID"]))],
    auth_token=env["CHEAA_AUTH_TOKEN"],
)
reply, status, headers = users.user_login_with_http_info(login, PLAT_ID, app_id=APP_ID)
check(reply.ret_code == cheaa.RetCode._200, "login RetCode %s" % reply.ret_code)
access_token = headers.get("AccessToken")
check(access_token, "the login reply has no AccessToken header")
user_id = reply.user[0].user_base.user_id
config.api_key["AccessToken"] = access_token
ok("login", "UserID %s, AccessToken from the response header" % user_id)

# 7.2.1
bound = devices.user_bind_devices(
    cheaa.BindDevicesRequest(user_id=user_id, device=[cheaa.DeviceSelector(device_info=cheaa.DeviceInfoWithID(device_id=DEVICE_ID))]),
    PLAT_ID,
    APP_ID,
)
check(bound.ret_code == cheaa.RetCode._200 and not bound.failed_i_ds, "bind: %s" % bound)
ok("bind", DEVICE_ID)

# 7.2.3
listed = devices.users_devices(cheaa.UserDevicesRequest(user_id=user_id), PLAT_ID, APP_ID)
ids = [d.device_info.device_id for d in listed.device]
check(listed.ret_code == cheaa.RetCode._200 and DEVICE_ID in ids, "list: %s" % ids)
ok("list", ", ".join(ids))

# 7.2.6
state = devices.devices_device_status(
    cheaa.DeviceStatusRequest(user_id=user_id, device=[cheaa.DeviceSelector(device_info=cheaa.DeviceInfoWithID(device_id=DEVICE_ID))]),
    PLAT_ID,
    app_id=APP_ID,
)
attrs = state.device[0].device_attr
check(state.ret_code == cheaa.RetCode._200 and "onOffStatus" in attrs, "status: %s" % attrs)
ok("status", "onOffStatus=%s" % attrs["onOffStatus"])


def command(device_id, attrs):
    return cheaa.DeviceOpRequest(
        user_id=user_id,
        device=[cheaa.DeviceCommand(device_info=cheaa.DeviceInfoWithID(device_id=device_id), device_attr=attrs)],
    )


# 7.2.7
done = devices.devices_op(command(DEVICE_ID, {"onOffStatus": "True"}), PLAT_ID, app_id=APP_ID)
check(done.ret_code == cheaa.RetCode._200, "op RetCode %s" % done.ret_code)
ok("op", "onOffStatus=True")

# 7.2.7 on a device bound to nobody: HTTP 403, and the body is the spec's Result with RetCode 4031.
try:
    devices.devices_op(command(UNBOUND_ID, {"onOffStatus": "True"}), PLAT_ID, app_id=APP_ID)
    check(False, "op on an unbound device was accepted")
except ApiException as refused:
    result = client.deserialize(types.SimpleNamespace(data=refused.body), "Result")
    check(isinstance(result, cheaa.Result), "the refusal is not a Result: %r" % refused.body)
    check(refused.status == 403 and result.ret_code == cheaa.RetCode._4031, "refusal HTTP %s RetCode %s" % (refused.status, result.ret_code))
    ok("refused", "HTTP %s RetCode %s (%s)" % (refused.status, result.ret_code, result.ret_info))

# 7.1.2
out = users.user_logout(cheaa.UserLogoutRequest(), PLAT_ID)
check(out.ret_code == cheaa.RetCode._200, "logout RetCode %s" % out.ret_code)
ok("logout", "AccessToken revoked")
