// Generated from openapi/gbt43960/openapi.yaml by `npm run generate` (scripts/generate.ts). Do not edit.
export interface paths {
    "/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Access token issuance (访问令牌获取)
         * @description Not in our copy of the standard: implied by the `access_token` of every Annex A request and by
         *     clauses 5 (open interface model) and 9 (interface registration and invocation), whose text we do
         *     not have (NOTES.md I-13; clause 9 as a whole, I-17). A registered application
         *     exchanges its `appId` and `appSecret` for an access_token valid for `expires_in` seconds with
         *     `userId`, the user the application is registered to. The request is the envelope without
         *     `access_token`. Refusal: `100108` the appId is unknown, registered to another userId, or the
         *     appSecret is wrong (one msg for all three).
         */
        post: operations["token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/device/auth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Device security authentication (设备安全认证)
         * @description A device (or the application acting for it) proves that it holds the device's secret: `devSign`
         *     is the lowercase hex HMAC-SHA256 of `devId` under the per-device secret (see `DevSign`). The
         *     platform recomputes it from its copy of the secret and compares in constant time.
         *
         *     Replies, all with HTTP 200 except the malformed packet: `200` the signature verifies; `100104`
         *     devId is not one of userId's devices (msg "unknown device <devId>"); `100105` the signature does
         *     not match (msg "signature mismatch for device <devId>"); `100101`/`100102` the access_token is
         *     invalid or expired. A devSign that is not 64 lowercase hex characters, such as the standard's
         *     `"02357.PDF"`, is a malformed packet: HTTP 400, status `100103`, msg naming `data/devSign`.
         */
        post: operations["device_auth"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/device/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Device query (设备查询)
         * @description Returns a device's name, group and address, at the top level of the reply beside `status` and
         *     `msg` as in the standard (A.2.5.2). Only devices of userId are found: any other devId, including
         *     another user's device, gets `100104` (msg "unknown device <devId>"). The standard's heading says
         *     设备/产品查询 (device/product query); this interface queries devices.
         */
        post: operations["device_query"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gateway/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Edge gateway creation (边缘网关创建)
         * @description Creates an edge gateway of userId: its name, communication mode (`commCode`), endpoint
         *     (`commUrl`) and IoT access type (`iotType`), and returns the new gateway's `gatewId` (inferred,
         *     NOTES.md I-10). The code lists of commCode and iotType are our inference around the standard's
         *     `"70"` and `"701"` (I-07, I-08); the three must agree (see `GatewayCreateParams`), otherwise the
         *     packet is malformed (HTTP 400, status `100103`). Names need not be unique: every call creates a
         *     new gateway.
         */
        post: operations["gateway_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/device/identifier/save": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Device identifier save (设备标识保存)
         * @description Saves the identifier of one of userId's devices (A.2.7; its text is cut off in our copy, so the
         *     request and reply are inferred, NOTES.md I-11). A device has at most one identifier and an
         *     identifier names one device on the whole platform; once saved it does not change. Saving the
         *     identifier a device already has answers `200` again (the call is idempotent). Refusals:
         *     `100104` devId is not one of userId's devices; `100106` the identifier is saved for another
         *     device, or the device already has a different identifier (msg says which).
         */
        post: operations["device_identifier_save"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/device/identifier/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Device identifier query (设备标识查询)
         * @description Not in our copy of the standard: the read side of A.2.7, so that a saved identifier can be found
         *     again (NOTES.md I-12). Asks by `devId` (which identifier does this device have?) or by
         *     `devIdentifier` (which device has it?), exactly one of the two. Only userId's devices are
         *     visible. Refusals: `100104` devId is not one of userId's devices; `100109` the device has no
         *     identifier, or no device of userId has this identifier.
         */
        post: operations["device_identifier_query"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/interface/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Interface registration (接口注册)
         * @description Not in our copy of the standard: implied by clause 9, interface registration and invocation
         *     (NOTES.md I-15). The application the access_token was issued to registers an interface it offers:
         *     name, path (relative to the application's base address), version and description; the platform
         *     keeps it in its catalogue and returns its `apiId`. Refusal: `100106` the application already
         *     registered this apiPath at this apiVersion.
         */
        post: operations["interface_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/interface/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Registered interface list (已注册接口查询)
         * @description Not in our copy of the standard: the discovery side of clause 9 (NOTES.md I-15). Lists the
         *     catalogue of registered interfaces, of every application or of one `appId`, in registration
         *     order, one page at a time (`pageNo` from 1, `pageSize` up to 100), with the `total` count. An
         *     unknown appId lists nothing (total 0), it is not refused.
         */
        post: operations["interface_list"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Status
         * @description The `status` of every reply (clause 10, Annex A): an integer. The standard shows two values,
         *     `200` (success) and `100100` (failure); both are kept as they are. The other codes are this
         *     project's refinements of `100100`, numbered on in the standard's style (NOTES.md I-02): a peer
         *     that knows only the standard can treat every status other than `200` as a failure and show
         *     `msg`, which always says why.
         *
         *     `x-http-status` gives the HTTP status of the reply that carries each code (NOTES.md I-01): an
         *     interface's answer to a well-formed packet travels with HTTP 200, success or refusal, as in the
         *     standard's examples; only a request that never became a well-formed packet of an interface, or
         *     that the platform could not process, gets an HTTP error status. The body is the same
         *     `{ status, msg }` packet either way.
         * @example 200
         * @enum {integer}
         */
        Status: 200 | 100100 | 100101 | 100102 | 100103 | 100104 | 100105 | 100106 | 100107 | 100108 | 100109 | 100110 | 100111 | 100112 | 100113 | 100114 | 100115;
        /**
         * UserId
         * @description The platform's identifier of the user on whose behalf an application calls (the envelope's
         *     `userId`, Annex A). A string of 1 to 20 decimal digits, compared as a string: the standard's
         *     `"438362794917922816"` exceeds 2^53, so it must not be read as a JSON number (a JavaScript
         *     parser would turn it into 438362794917922800). Every access_token is issued to one userId and
         *     is valid only with it.
         * @example 438362794917922816
         */
        UserId: string;
        /**
         * AppId
         * @description The identifier of an application registered on the platform (clauses 5 and 9; NOTES.md I-13).
         *     Applications are registered, each to one userId and with its appSecret, by means outside this
         *     document. 1 to 64 letters, digits, `_` and `-`, starting with a letter or digit.
         * @example cmsp-demo-app
         */
        AppId: string;
        /**
         * TokenParams
         * @description The parameters of access-token issuance (inferred, NOTES.md I-13): the application's credentials.
         */
        TokenParams: {
            appId: components["schemas"]["AppId"];
            /**
             * @description The application's secret, given when the application was registered. 16 to 128 printable
             *     ASCII characters without spaces. The platform keeps only a salted hash of it (scrypt in the
             *     reference platform) and compares hashes in constant time.
             * @example s3cr3t-0123456789abcdef
             */
            appSecret: string;
        };
        /**
         * TokenRequest
         * @description The request packet of access-token issuance (inferred from clauses 5 and 9, NOTES.md I-13). The
         *     envelope of Annex A without `access_token`, which the caller does not have yet: `userId` and
         *     `data`. A packet that carries `access_token` anyway is malformed (100103).
         */
        TokenRequest: {
            userId: components["schemas"]["UserId"];
            data: components["schemas"]["TokenParams"];
        };
        /**
         * Msg
         * @description The reply's message (clause 10, Annex A): `"success"` with status 200, otherwise a short English
         *     sentence saying why the request failed (the standard's own failure example says `"Error"`). It
         *     never repeats a secret or a token. One line, without leading or trailing spaces (the standard's
         *     `" success"` is corrected, NOTES.md E-02).
         * @example success
         */
        Msg: string;
        /**
         * AccessToken
         * @description The token in every request envelope (`access_token`, Annex A), issued by `/token` to a
         *     registered application for one userId (NOTES.md I-13, I-14). It travels in the body, which
         *     OpenAPI security schemes cannot describe: operations that require it say so with
         *     `x-body-token: access_token`. Opaque to the caller: 16 to 128 characters of the URL-safe
         *     alphabet. The reference platform issues base64url(32 random bytes), 43 characters, and keeps
         *     only its SHA-256; the standard's example token has 20 characters and is valid too.
         * @example fO44R6tOWxh3wrTlkWP0
         */
        AccessToken: string;
        /**
         * TokenSuccess
         * @description The success reply of access-token issuance (inferred, NOTES.md I-13): the token and its lifetime
         *     beside `status` and `msg`, at the top level like every result of Annex A.
         */
        TokenSuccess: {
            /**
             * @description Always 200.
             * @constant
             */
            status: 200;
            msg: components["schemas"]["Msg"];
            access_token: components["schemas"]["AccessToken"];
            /**
             * @description Seconds from the reply until the token expires, after which requests with it get 100102.
             *     The reference platform issues tokens for 7200 s (2 hours). Issuing a new token does not
             *     revoke earlier ones: each stays valid until it expires.
             * @example 7200
             */
            expires_in: number;
        };
        /**
         * FailureStatus
         * @description The `status` of a refusal: every code of `Status` except `200`. A reply whose status is one of
         *     these carries only `status` and `msg`. Kept equal to `Status` without `200` by
         *     test/spec/gbt43960.examples.test.ts. A plain integer enum rather than an `allOf` of `Status`:
         *     generators turn such an `allOf` into a subtype of the `Status` enum, which Java cannot compile.
         * @example 100100
         * @enum {integer}
         */
        FailureStatus: 100100 | 100101 | 100102 | 100103 | 100104 | 100105 | 100106 | 100107 | 100108 | 100109 | 100110 | 100111 | 100112 | 100113 | 100114 | 100115;
        /**
         * Failure
         * @description Every refusal, whatever the interface (the failure examples of A.2.3–A.2.6): `status` other than 200 and `msg` saying why.
         */
        Failure: {
            status: components["schemas"]["FailureStatus"];
            msg: components["schemas"]["Msg"];
        };
        /**
         * TokenReply
         * @description The HTTP 200 reply of access-token issuance, success or refusal (see `Status`). Test `status === 200`.
         */
        TokenReply: components["schemas"]["TokenSuccess"] | components["schemas"]["Failure"];
        /**
         * DevId
         * @description The platform's identifier of a device (`devId`, A.2.4–A.2.5). The standard's examples are digit
         *     strings (`"6565818958"`, `"285863325"`); this project admits 1 to 64 letters, digits, `.`, `_`
         *     and `-`, starting with a letter or digit, compared exactly (NOTES.md I-05). Devices are
         *     registered on the platform with a name, group, address and secret by means outside this
         *     document (A.2.1–A.2.3 are missing from our copy); every device belongs to one userId.
         * @example 6565818958
         */
        DevId: string;
        /**
         * DevSign
         * @description The device's signature (`devSign`, A.2.4), proving that the caller holds the device's secret
         *     without sending it (NOTES.md I-03, E-03):
         *
         *         devSign = lowercase hex of HMAC-SHA256(key = UTF-8 bytes of deviceSecret,
         *                                                 message = UTF-8 bytes of devId as sent)
         *
         *     64 characters `0-9a-f`. `deviceSecret` is the per-device secret provisioned with the device
         *     (at least 16 characters; used as its UTF-8 bytes, not hex-decoded); it never travels in an
         *     interface of this document. The platform recomputes the HMAC from its copy of the secret and
         *     compares in constant time; it never compares strings a caller sent against each other.
         *
         *     How a failure is reported: a devSign that is not 64 lowercase hex characters fails the schema
         *     (status 100103, HTTP 400, msg names `data/devSign`); a devId that is not one of userId's devices
         *     gets 100104 (msg "unknown device <devId>"); a well-formed devSign that does not match gets
         *     100105 (msg "signature mismatch for device <devId>").
         *
         *     The signature depends only on devId and the secret, so it is a fixed credential: whoever has seen
         *     it can replay it. The standard's request has no timestamp or nonce to sign; see NOTES.md I-03.
         * @example a92131d04471075447c84b78bd698648bcf44aff4d0e79b6f4f97a170f3ce11c
         */
        DevSign: string;
        /**
         * DeviceAuthParams
         * @description The parameters of A.2.4.1 device security authentication.
         */
        DeviceAuthParams: {
            devId: components["schemas"]["DevId"];
            devSign: components["schemas"]["DevSign"];
        };
        /**
         * DeviceAuthRequest
         * @description The request packet of A.2.4.1 device security authentication.
         */
        DeviceAuthRequest: {
            userId: components["schemas"]["UserId"];
            access_token: components["schemas"]["AccessToken"];
            data: components["schemas"]["DeviceAuthParams"];
        };
        /**
         * Success
         * @description The success reply of an interface that returns nothing but its outcome (A.2.4.2, A.2.6.2).
         */
        Success: {
            /**
             * @description Always 200.
             * @constant
             */
            status: 200;
            msg: components["schemas"]["Msg"];
        };
        /**
         * Result
         * @description The HTTP 200 reply of an interface that returns nothing but its outcome: the success packet or a
         *     refusal (both travel with HTTP 200, see `Status`). Test `status === 200`.
         */
        Result: components["schemas"]["Success"] | components["schemas"]["Failure"];
        /**
         * DeviceQueryParams
         * @description The parameters of A.2.5.1 device query.
         */
        DeviceQueryParams: {
            devId: components["schemas"]["DevId"];
        };
        /**
         * DeviceQueryRequest
         * @description The request packet of A.2.5.1 device query.
         */
        DeviceQueryRequest: {
            userId: components["schemas"]["UserId"];
            access_token: components["schemas"]["AccessToken"];
            data: components["schemas"]["DeviceQueryParams"];
        };
        /**
         * DeviceQuerySuccess
         * @description The success reply of A.2.5.2 device query; the device's fields beside `status` and `msg`, as in the standard.
         */
        DeviceQuerySuccess: {
            /**
             * @description Always 200.
             * @constant
             */
            status: 200;
            msg: components["schemas"]["Msg"];
            /**
             * @description The device's name (设备名称). 1 to 128 characters, without leading or trailing spaces.
             * @example 华数机器人
             */
            devName: string;
            /**
             * @description The group the device belongs to, e.g. its production line (设备分组). 0 to 128 characters without leading or trailing spaces (the standard's `" 1#产线"` is corrected, E-02); empty when the device is in no group.
             * @example 1#产线
             */
            devGroup: string;
            /**
             * @description The device's address (设备地址), where it is installed. 0 to 256 characters without leading or trailing spaces; empty when unknown.
             * @example 中国北京市石景山区航天云网大厦
             */
            devAdd: string;
        };
        /**
         * DeviceQueryReply
         * @description The HTTP 200 reply of A.2.5 device query, success or refusal (see `Status`). Test `status === 200`.
         */
        DeviceQueryReply: components["schemas"]["DeviceQuerySuccess"] | components["schemas"]["Failure"];
        /**
         * CommCode
         * @description The communication mode of an edge gateway (`commCode`, A.2.6): the protocol family over which
         *     the gateway and the platform exchange data. The standard shows only `"70"` without its code list;
         *     this list is our inference (NOTES.md I-07), built around that value. `commUrl` must use a scheme
         *     of the mode, and `iotType` must be one of the mode's access types (their first two digits are
         *     the commCode). Codes not listed are reserved.
         *
         *     | commCode | mode | commUrl schemes | iotType |
         *     |---|---|---|---|
         *     | `10` | HTTP | `http`, `https` | `101`, `102` |
         *     | `20` | CoAP | `coap`, `coaps` | `201`, `202` |
         *     | `30` | OPC UA | `opc.tcp` | `301`, `302` |
         *     | `70` | MQTT | `mqtt`, `mqtts`, `ws`, `wss` | `701`, `702` |
         * @example 70
         * @enum {string}
         */
        CommCode: "10" | "20" | "30" | "70";
        /**
         * CommUrl
         * Format: uri
         * @description The address of an edge gateway's communication endpoint (`commUrl`, A.2.6): an absolute URL
         *     `<scheme>://<host>[:<port>][/<path>]` whose scheme belongs to the gateway's commCode (see
         *     `CommCode`): `http`, `https`, `coap`, `coaps`, `opc.tcp`, `mqtt`, `mqtts`, `ws` or `wss`, in lower
         *     case. No user name or password in the URL, no query or fragment. At most 512 characters. The
         *     standard's example `"MQTT"` is a protocol name, not an address (NOTES.md E-04, I-09).
         * @example mqtt://iot.example.com:1883
         */
        CommUrl: string;
        /**
         * IotType
         * @description The IoT access type of an edge gateway (`iotType`, A.2.6): which side opens the connection at
         *     `commUrl`. Three digits: the gateway's commCode followed by `1` (the gateway connects out to
         *     commUrl, a platform-side endpoint or broker) or `2` (the platform connects to commUrl, an
         *     endpoint or broker the gateway hosts). The standard shows only `"701"` without its code list;
         *     this list is our inference (NOTES.md I-08). An iotType of another commCode is refused (100103).
         * @example 701
         * @enum {string}
         */
        IotType: "101" | "102" | "201" | "202" | "301" | "302" | "701" | "702";
        /**
         * GatewayCreateParams
         * @description The parameters of A.2.6.1 edge gateway creation. The three codes must agree (NOTES.md I-07 to
         *     I-09): `iotType` is one of the access types of `commCode`, and `commUrl` has a scheme of
         *     `commCode` (see `CommCode`); otherwise the packet is malformed (100103).
         *
         *     The rules are `dependentSchemas` of `commCode`, one `if`/`then` per mode, which code generators
         *     leave out of the types. Each `then` spells out `unevaluatedProperties: true`, the JSON Schema
         *     default: the project's lint checks examples with `allowAdditionalProperties: false`, which
         *     assumes `false` for every subschema that lists properties and would refuse every gateway.
         */
        GatewayCreateParams: {
            /**
             * @description The gateway's name (网关名称), for people; need not be unique. 1 to 64 characters.
             * @example 数据采集网关
             */
            gatewName: string;
            commCode: components["schemas"]["CommCode"];
            commUrl: components["schemas"]["CommUrl"];
            iotType: components["schemas"]["IotType"];
        };
        /**
         * GatewayCreateRequest
         * @description The request packet of A.2.6.1 edge gateway creation.
         */
        GatewayCreateRequest: {
            userId: components["schemas"]["UserId"];
            access_token: components["schemas"]["AccessToken"];
            data: components["schemas"]["GatewayCreateParams"];
        };
        /**
         * GatewId
         * @description The identifier the platform gives an edge gateway it creates (`gatewId`, named in the style of
         *     the standard's `gatewName`; NOTES.md I-10). Opaque to the caller: 1 to 64 letters, digits, `_`
         *     and `-`, unique on the platform.
         * @example gw-01HZX3K9Q2
         */
        GatewId: string;
        /**
         * GatewayCreateSuccess
         * @description The success reply of A.2.6.2 edge gateway creation: the standard's `status` and `msg`, and the
         *     created gateway's `gatewId`, which the standard's reply does not show (NOTES.md I-10). The
         *     reference platform always sends `gatewId`; it is optional so that the standard's own reply is
         *     valid too.
         */
        GatewayCreateSuccess: {
            /**
             * @description Always 200.
             * @constant
             */
            status: 200;
            msg: components["schemas"]["Msg"];
            gatewId?: components["schemas"]["GatewId"];
        };
        /**
         * GatewayCreateReply
         * @description The HTTP 200 reply of A.2.6 edge gateway creation, success or refusal (see `Status`). Test `status === 200`.
         */
        GatewayCreateReply: components["schemas"]["GatewayCreateSuccess"] | components["schemas"]["Failure"];
        /**
         * DevIdentifier
         * @description A device's identifier (设备标识, A.2.7): an industrial internet identifier in the Handle-style
         *     syntax of China's identifier resolution system, `<prefix>/<suffix>` (NOTES.md I-11):
         *
         *     - prefix: two or more dot-separated groups of digits, the enterprise prefix allotted by the
         *       resolution system, e.g. `88.100.1` (88 the national root, then industry and enterprise);
         *     - suffix: 1 or more letters, digits and `.` `_` `-` `:` `~` `*` `(` `)` `+` `=` `#` `/`,
         *       starting with a letter or digit, chosen by the enterprise, e.g. `DEV-6565818958`.
         *
         *     At most 255 characters. Stored and returned with the case it was saved in, compared ignoring
         *     the case of ASCII letters (for uniqueness and for queries), as the Global Handle Registry does
         *     and RFC 3652 2.1.3 advises: `88.100.1/dev-1` and `88.100.1/DEV-1` are the same identifier. An
         *     identifier names one device on the platform and a device has at most one identifier; once saved
         *     it does not change.
         * @example 88.100.1/DEV-6565818958
         */
        DevIdentifier: string;
        /**
         * DeviceIdentifierSaveParams
         * @description The parameters of A.2.7.1 device identifier save (inferred, NOTES.md I-11): the device and the
         *     identifier to save for it.
         */
        DeviceIdentifierSaveParams: {
            devId: components["schemas"]["DevId"];
            devIdentifier: components["schemas"]["DevIdentifier"];
        };
        /**
         * DeviceIdentifierSaveRequest
         * @description The request packet of A.2.7.1 device identifier save (its text is cut off in our copy; shape inferred, NOTES.md I-11).
         */
        DeviceIdentifierSaveRequest: {
            userId: components["schemas"]["UserId"];
            access_token: components["schemas"]["AccessToken"];
            data: components["schemas"]["DeviceIdentifierSaveParams"];
        };
        /**
         * DeviceIdentifierQueryParams
         * @description The parameters of device identifier query (inferred, NOTES.md I-12): exactly one of `devId`
         *     (which identifier does this device have?) or `devIdentifier` (which device has this
         *     identifier?).
         */
        DeviceIdentifierQueryParams: {
            devId?: components["schemas"]["DevId"];
            devIdentifier?: components["schemas"]["DevIdentifier"];
        };
        /**
         * DeviceIdentifierQueryRequest
         * @description The request packet of device identifier query (inferred from A.2.7, NOTES.md I-12).
         */
        DeviceIdentifierQueryRequest: {
            userId: components["schemas"]["UserId"];
            access_token: components["schemas"]["AccessToken"];
            data: components["schemas"]["DeviceIdentifierQueryParams"];
        };
        /**
         * DeviceIdentifierQuerySuccess
         * @description The success reply of device identifier query (inferred, NOTES.md I-12): the device and its identifier, beside `status` and `msg`.
         */
        DeviceIdentifierQuerySuccess: {
            /**
             * @description Always 200.
             * @constant
             */
            status: 200;
            msg: components["schemas"]["Msg"];
            devId: components["schemas"]["DevId"];
            devIdentifier: components["schemas"]["DevIdentifier"];
        };
        /**
         * DeviceIdentifierQueryReply
         * @description The HTTP 200 reply of device identifier query, success or refusal (see `Status`). Test `status === 200`.
         */
        DeviceIdentifierQueryReply: components["schemas"]["DeviceIdentifierQuerySuccess"] | components["schemas"]["Failure"];
        /**
         * ApiName
         * @description The name of a registered interface, for people, e.g. the standard's 设备查询. 1 to 64 characters.
         * @example 设备查询
         */
        ApiName: string;
        /**
         * ApiPath
         * @description The path of a registered interface, relative to the registering application's base address, in
         *     the style of this document's own paths: `/`-separated segments of letters, digits, `.`, `_`,
         *     `~` and `-`. 2 to 255 characters; no trailing slash, query or fragment.
         * @example /device/query
         */
        ApiPath: string;
        /**
         * ApiVersion
         * @description The version of a registered interface, `v` and one to three dot-separated numbers, as in this document's own base path (`v1`). 2 to 32 characters.
         * @example v1
         */
        ApiVersion: string;
        /**
         * ApiDesc
         * @description What a registered interface does, for people. 1 to 1024 characters.
         * @example 按设备编号查询设备名称、所属分组和地址。
         */
        ApiDesc: string;
        /**
         * InterfaceRegisterParams
         * @description The parameters of interface registration (inferred, NOTES.md I-15): an interface the calling
         *     application (the one the access_token was issued to) offers. `apiPath` and `apiVersion` together
         *     are unique per application (100106 otherwise).
         */
        InterfaceRegisterParams: {
            apiName: components["schemas"]["ApiName"];
            apiPath: components["schemas"]["ApiPath"];
            apiVersion: components["schemas"]["ApiVersion"];
            apiDesc: components["schemas"]["ApiDesc"];
        };
        /**
         * InterfaceRegisterRequest
         * @description The request packet of interface registration (inferred from clause 9, NOTES.md I-15).
         */
        InterfaceRegisterRequest: {
            userId: components["schemas"]["UserId"];
            access_token: components["schemas"]["AccessToken"];
            data: components["schemas"]["InterfaceRegisterParams"];
        };
        /**
         * ApiId
         * @description The identifier the platform gives a registered interface (NOTES.md I-15). Opaque; 1 to 64 letters, digits, `_` and `-`.
         * @example api-000001
         */
        ApiId: string;
        /**
         * InterfaceRegisterSuccess
         * @description The success reply of interface registration (inferred, NOTES.md I-15): the registered interface's `apiId`.
         */
        InterfaceRegisterSuccess: {
            /**
             * @description Always 200.
             * @constant
             */
            status: 200;
            msg: components["schemas"]["Msg"];
            apiId: components["schemas"]["ApiId"];
        };
        /**
         * InterfaceRegisterReply
         * @description The HTTP 200 reply of interface registration, success or refusal (see `Status`). Test `status === 200`.
         */
        InterfaceRegisterReply: components["schemas"]["InterfaceRegisterSuccess"] | components["schemas"]["Failure"];
        /**
         * InterfaceListParams
         * @description The parameters of the registered-interface list (inferred, NOTES.md I-15): an optional
         *     application to list the interfaces of (all applications when absent) and the page to return.
         *     `data` may be `{}`.
         */
        InterfaceListParams: {
            appId?: components["schemas"]["AppId"];
            /**
             * @description The page to return, from 1; 1 when absent.
             * @example 1
             */
            pageNo?: number;
            /**
             * @description Interfaces per page, 1 to 100; 20 when absent.
             * @example 20
             */
            pageSize?: number;
        };
        /**
         * InterfaceListRequest
         * @description The request packet of the registered-interface list (inferred from clause 9, NOTES.md I-15).
         */
        InterfaceListRequest: {
            userId: components["schemas"]["UserId"];
            access_token: components["schemas"]["AccessToken"];
            data: components["schemas"]["InterfaceListParams"];
        };
        /**
         * ApiInfo
         * @description A registered interface, as the list returns it (inferred, NOTES.md I-15).
         */
        ApiInfo: {
            apiId: components["schemas"]["ApiId"];
            appId: components["schemas"]["AppId"];
            apiName: components["schemas"]["ApiName"];
            apiPath: components["schemas"]["ApiPath"];
            apiVersion: components["schemas"]["ApiVersion"];
            apiDesc: components["schemas"]["ApiDesc"];
        };
        /**
         * InterfaceListSuccess
         * @description The success reply of the registered-interface list (inferred, NOTES.md I-15): one page of
         *     registered interfaces in registration order, and how many there are in all.
         */
        InterfaceListSuccess: {
            /**
             * @description Always 200.
             * @constant
             */
            status: 200;
            msg: components["schemas"]["Msg"];
            /**
             * @description How many registered interfaces match, over all pages.
             * @example 1
             */
            total: number;
            /** @description The interfaces of the requested page (empty past the last page). */
            apiList: components["schemas"]["ApiInfo"][];
        };
        /**
         * InterfaceListReply
         * @description The HTTP 200 reply of the registered-interface list, success or refusal (see `Status`). Test `status === 200`.
         */
        InterfaceListReply: components["schemas"]["InterfaceListSuccess"] | components["schemas"]["Failure"];
    };
    responses: {
        /**
         * @description The request is not a well-formed packet of this interface (status 100103): not JSON, not an
         *     object, a missing or unknown member, a wrong type, a value outside its stated limits, or data
         *     members that contradict each other. msg names the first offending member.
         */
        MalformedPacket: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
        /** @description The request body is larger than the platform accepts (status 100111). */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
        /** @description The request body is not UTF-8 application/json (status 100112). */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
        /** @description Too many requests from this caller; retry later (status 100113). */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
        /** @description An unexpected error; nothing was changed (status 100115). */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
        /** @description The platform cannot serve requests for the moment; nothing was changed (status 100114). */
        Unavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /**
         * @description Seconds to wait before sending the request again (RFC 9110 section 10.2.3). The reference
         *     platform sends it on every 429 (its rate limits count requests per second: 1) and 503 (a store
         *     outage, usually a reconnection: 5). Not in the standard; a client that does not know it retries
         *     as it would without it.
         * @example 1
         */
        RetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    token: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description The interface's answer, the token (status 200) or a refusal (see `Status`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenReply"];
                };
            };
            400: components["responses"]["MalformedPacket"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    device_auth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeviceAuthRequest"];
            };
        };
        responses: {
            /** @description The interface's answer (success or refusal, see `Status`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Result"];
                };
            };
            /** @description The request is not a well-formed packet of this interface (status 100103); msg names the first offending member. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Failure"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    device_query: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeviceQueryRequest"];
            };
        };
        responses: {
            /** @description The interface's answer, the device (status 200) or a refusal (see `Status`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceQueryReply"];
                };
            };
            400: components["responses"]["MalformedPacket"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    gateway_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GatewayCreateRequest"];
            };
        };
        responses: {
            /** @description The interface's answer, the new gateway's id (status 200) or a refusal (see `Status`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayCreateReply"];
                };
            };
            /** @description The request is not a well-formed packet of this interface (status 100103); msg names the first offending member. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Failure"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    device_identifier_save: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeviceIdentifierSaveRequest"];
            };
        };
        responses: {
            /** @description The interface's answer (success or refusal, see `Status`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Result"];
                };
            };
            400: components["responses"]["MalformedPacket"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    device_identifier_query: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeviceIdentifierQueryRequest"];
            };
        };
        responses: {
            /** @description The interface's answer, the device and its identifier (status 200) or a refusal (see `Status`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceIdentifierQueryReply"];
                };
            };
            400: components["responses"]["MalformedPacket"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    interface_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InterfaceRegisterRequest"];
            };
        };
        responses: {
            /** @description The interface's answer, the registered interface's id (status 200) or a refusal (see `Status`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InterfaceRegisterReply"];
                };
            };
            400: components["responses"]["MalformedPacket"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    interface_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InterfaceListRequest"];
            };
        };
        responses: {
            /** @description The interface's answer, one page of the catalogue (status 200) or a refusal (see `Status`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InterfaceListReply"];
                };
            };
            400: components["responses"]["MalformedPacket"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
}
