// Generated from openapi/cheaa-c2c/partner.yaml by `npm run generate` (scripts/generate.ts). Do not edit.
export interface paths {
    "/user/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * User verify (用户验证)
         * @description Hosted by the A platform. When A's user logs into the B platform (7.1.1), B calls this interface
         *     with the user's loginID and the AuthToken the user presented; A answers RetCode `200` when the
         *     token is A's and belongs to that user (clause 6.6.1.2, table 25). The standard leaves its address
         *     to A ("provided by the third-party platform"); A registers the full URL with B, and `/user/verify`
         *     is this project's default.
         */
        post: operations["user_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dataservices/dataGateway": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Device status report (设备状态上报)
         * @description Hosted by the A platform. The B platform reports the state changes, alarms and online/offline
         *     transitions of devices bound to A's users (table 49). Delivery is at least once: a receiver that
         *     gets the same EventID twice answers `200` and keeps one copy.
         */
        post: operations["dataservices_dataGateway"];
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
         * LoginID
         * @description The user's unique identifier on the A platform (table 14 `loginID`, A 厂商用户唯一标识), at most 20 characters.
         */
        LoginID: string;
        /**
         * UserID
         * @description The B platform's identifier of an A platform's user (table 14 `userID`), created by B at the
         *     user's first login (clause 6.6.1.2) and sent back by A in later requests. Always a string: the
         *     standard's 7.2.5 example sends it as a JSON number, which is an error (see ERRATA.md).
         * @example 100013954770780042
         */
        UserID: string;
        /**
         * UserStatus
         * @description Account state of a user (table 14 `status`).
         * @enum {string}
         */
        UserStatus: "0" | "1" | "2" | "3";
        /**
         * UserBase
         * @description Basic attributes of a user (clause 6.5.2.4, table 14). Which fields a request must carry depends
         *     on the interface.
         */
        UserBase: {
            loginID?: components["schemas"]["LoginID"];
            /**
             * @description The user's login name on the A platform, 3–15 characters, none of `' " - \ / : ; * ? < > | % & # +`
             *     nor space; letters, digits and underscore are advised.
             */
            loginName?: string;
            userID?: components["schemas"]["UserID"];
            /** @description E-mail address, at most 256 characters. */
            email?: string | null;
            /** @description Mobile phone number, at most 32 characters. */
            mobile?: string | null;
            status?: components["schemas"]["UserStatus"];
        };
        /**
         * UserBaseWithLoginID
         * @description UserBase (table 14) with `loginID` required: the A platform's user named by `loginID` (tables 17, 26). A composition rather than
         *     `required` beside a `$ref`, which generators ignore.
         */
        UserBaseWithLoginID: components["schemas"]["UserBase"] & {
            loginID: components["schemas"]["LoginID"];
        };
        /**
         * UserProfile
         * @description Extended attributes of a user (clause 6.5.2.4): free key/value pairs whose keys, types and
         *     lengths a vendor publishes to its partners. Table 15 gives examples: nickName (string, 32),
         *     userName (string, 32), avatar (string), points (long), focusCount (int), followCount (int).
         */
        UserProfile: {
            /** @description Nickname (昵称). */
            nickName?: string;
            /** @description The user's name (用户姓名). */
            userName?: string;
            /** @description Resource id of the user's avatar (用户头像资源 id). */
            avatar?: string;
            /**
             * Format: int64
             * @description Points (积分).
             */
            points?: number;
            /**
             * Format: int32
             * @description Number of accounts followed (关注数).
             */
            focusCount?: number;
            /**
             * Format: int32
             * @description Number of followers (粉丝数).
             */
            followCount?: number;
        } & {
            [key: string]: string | number | boolean | null;
        };
        /**
         * UserWithLoginID
         * @description A User (clause 6.5.2.4, table 13: basic attributes and optional extended attributes) whose
         *     UserBase carries `loginID`: the A platform's user named by `loginID` (tables 17, 26). Requests and replies carry users in a one-element `User`
         *     array (ERRATA E-11).
         */
        UserWithLoginID: {
            UserBase: components["schemas"]["UserBaseWithLoginID"];
            UserProfile?: components["schemas"]["UserProfile"];
        };
        /**
         * AuthToken
         * @description The security token the A platform issued for the user (clause 6.6.1.2). A's user presents it
         *     to B at login (table 17); B passes it on to A's user verify interface (table 26). It travels in
         *     the body: the examples that show it in a header contradict tables 17 and 26 (see ERRATA.md).
         * @example sssdsdfsadfadsfsdfasdfasdf123fa
         */
        AuthToken: string;
        /**
         * UserVerifyRequest
         * @description Body of 7.1.4 user verify (table 26), sent by the B platform to the A platform.
         */
        UserVerifyRequest: {
            User: components["schemas"]["UserWithLoginID"][];
            AuthToken: components["schemas"]["AuthToken"];
        };
        /**
         * RetCode
         * @description Return code of every interface (table 9: `RetCode`, a string). The standard names only `200`
         *     (ok) and `500` (a business failure, with the reason in `RetInfo`); the other codes are this
         *     project's, chosen so that the first three digits are the HTTP status class they travel with.
         *     `x-http-status` maps each code to the HTTP status of the response that carries it; the
         *     reference platform derives its error mapping from this table. One exception: a 7.2.1 or 7.2.2
         *     batch that was processed with some devices failed answers RetCode `500` with HTTP 200, since
         *     the devices that succeeded are done (ERRATA E-25).
         * @example 200
         * @enum {string}
         */
        RetCode: "200" | "400" | "401" | "4011" | "4012" | "403" | "4031" | "4032" | "404" | "4041" | "4042" | "405" | "409" | "413" | "415" | "429" | "500" | "502" | "503" | "5000";
        /**
         * RetInfo
         * @description Human-readable description of the result (table 9 `RetInfo`).
         * @example ok
         */
        RetInfo: string;
        /**
         * Result
         * @description The reply of an interface that returns nothing but its result (tables 21, 24, 27, 42, 48, 51), and of every error.
         */
        Result: {
            RetCode: components["schemas"]["RetCode"];
            RetInfo: components["schemas"]["RetInfo"];
        };
        /**
         * DeviceID
         * @description A device's identifier on the B platform (table 11 `deviceID`). B accepts either its own device
         *     code or the device's UDeviceID (clause 6.4; the note to 7.2.1 lets B map one to the other).
         *     Letters, digits and `.`, `_`, `:`, `-`; no spaces (the standard's `" C89346112DD5"` with a leading
         *     space is an error, see ERRATA.md).
         * @example 0007A88A184D
         */
        DeviceID: string;
        /**
         * AttrDataType
         * @description Table 50 `DataType` of one report kind, 设备状态上报 attribute (state) report: DeviceStatus holds the changed attributes (AttrReport). One named schema per kind
         *     (table 50 lists `attr`, `alarm` and `onOffline`) so that every tool, OpenAPI 3.0 ones included,
         *     tells the kinds of DataGatewayReport apart by this value.
         * @constant
         */
        AttrDataType: "attr";
        /**
         * BooleanString
         * @description A boolean carried as a string, as the standard's examples do (`"True"`, `"False"`).
         * @enum {string}
         */
        BooleanString: "True" | "False";
        /**
         * DeviceAttr
         * @description Attributes of a device, the "device attributes" part of its device model (clause 6.5.2.3,
         *     table 12). The set differs by device and vendors may extend it (clause 6.5.2.2), so any
         *     attribute name is allowed; values are strings, as in every example of the standard. The
         *     properties below are those of the standard's washing machine (table 12) plus `onLine` from the
         *     7.2.6 example. Names are identifiers: no spaces (the standard's `"onOffStatus "` with a trailing
         *     space is an error, see ERRATA.md). The three BooleanString properties are `onOffStatus`, the power
         *     state (开关机状态), `doorLockStatus`, the door lock state (门锁状态), and `onLine`, whether the
         *     device is connected to its cloud (reported by 7.2.6 and 7.2.8).
         * @example {
         *       "onOffStatus": "True",
         *       "runningstatus": "1",
         *       "laundryCycle": "3",
         *       "doorLockStatus": "True"
         *     }
         */
        DeviceAttr: {
            onOffStatus?: components["schemas"]["BooleanString"];
            /**
             * @description Running state (运行状态) of a washing machine. The reference platform uses `0` idle,
             *     `1` washing, `2` rinsing, `3` spinning, `4` finished, `5` paused.
             */
            runningstatus?: string;
            /**
             * @description Laundry program (洗衣程序). The reference platform uses `1` cotton, `2` synthetics,
             *     `3` quick wash, `4` wool, `5` heavy duty, `6` delicates.
             */
            laundryCycle?: string;
            doorLockStatus?: components["schemas"]["BooleanString"];
            onLine?: components["schemas"]["BooleanString"];
        } & {
            [key: string]: string;
        };
        /**
         * TimeStamp
         * @description Time of the event, in milliseconds since 1970-01-01T00:00:00Z, as a string of 13 digits (table 50).
         * @example 1444965812870
         */
        TimeStamp: string;
        /**
         * AttrReport
         * @description 7.2.8 report of DataType `attr`, an attribute report: the attributes that changed (table 50).
         */
        AttrReport: {
            DeviceID: components["schemas"]["DeviceID"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            DataType: "attr";
            DeviceStatus: components["schemas"]["DeviceAttr"];
            TimeStamp: components["schemas"]["TimeStamp"];
        };
        /**
         * AlarmDataType
         * @description Table 50 `DataType` of one report kind, 告警上报 alarm report: DeviceStatus names the alarm in `error` (AlarmReport). One named schema per kind
         *     (table 50 lists `attr`, `alarm` and `onOffline`) so that every tool, OpenAPI 3.0 ones included,
         *     tells the kinds of DataGatewayReport apart by this value.
         * @constant
         */
        AlarmDataType: "alarm";
        /**
         * AlarmStatus
         * @description DeviceStatus of an alarm report. `error` names the alarm; vendors may add fields (strings).
         */
        AlarmStatus: {
            /** @description The alarm's code, e.g. `waterHeatingErr`. */
            error: string;
        } & {
            [key: string]: string;
        };
        /**
         * AlarmReport
         * @description 7.2.8 report of DataType `alarm`, an alarm report (table 50).
         */
        AlarmReport: {
            DeviceID: components["schemas"]["DeviceID"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            DataType: "alarm";
            DeviceStatus: components["schemas"]["AlarmStatus"];
            TimeStamp: components["schemas"]["TimeStamp"];
        };
        /**
         * OnOfflineDataType
         * @description Table 50 `DataType` of one report kind, 设备上、下线通知 online/offline notice: DeviceStatus says `onLine` and may give the device's `ip` (OnOfflineReport). One named schema per kind
         *     (table 50 lists `attr`, `alarm` and `onOffline`) so that every tool, OpenAPI 3.0 ones included,
         *     tells the kinds of DataGatewayReport apart by this value.
         * @constant
         */
        OnOfflineDataType: "onOffline";
        /**
         * OnOfflineStatus
         * @description DeviceStatus of an online/offline notice.
         */
        OnOfflineStatus: {
            onLine: components["schemas"]["BooleanString"];
            /** @description The device's public address when it came online. */
            ip?: string | unknown | unknown;
        };
        /**
         * OnOfflineReport
         * @description 7.2.8 report of DataType `onOffline`, an online/offline notice (table 50).
         */
        OnOfflineReport: {
            DeviceID: components["schemas"]["DeviceID"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            DataType: "onOffline";
            DeviceStatus: components["schemas"]["OnOfflineStatus"];
            TimeStamp: components["schemas"]["TimeStamp"];
        };
        /**
         * DataGatewayReport
         * @description Body of 7.2.8 device status report (table 50), sent by the B platform to the A platform. The
         *     shape of `DeviceStatus` depends on `DataType`. Table 50 types DeviceStatus as a String while
         *     every example sends an object; it is an object here (see ERRATA.md).
         */
        DataGatewayReport: components["schemas"]["AttrReport"] | components["schemas"]["AlarmReport"] | components["schemas"]["OnOfflineReport"];
    };
    responses: {
        /** @description The request breaks the contract (clause 6.2 and the parameter tables). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Result"];
            };
        };
        /** @description The AccessToken is missing, unknown or expired (clause 6.6.1.2). */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Result"];
            };
        };
        /** @description The calling platform, or this user, may not do this. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Result"];
            };
        };
        /** @description The request body is larger than the platform accepts. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Result"];
            };
        };
        /** @description The request body is not JSON (clause 6.2). */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Result"];
            };
        };
        /** @description The calling platform sends too many requests. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Result"];
            };
        };
        /** @description An unexpected error; nothing was changed. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Result"];
            };
        };
        /** @description The platform cannot serve requests right now. */
        Unavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Result"];
            };
        };
        /** @description The user or device named in the request does not exist. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Result"];
            };
        };
    };
    parameters: {
        /**
         * @description The calling platform's ID (table 9, where it is misspelt `PlateID`; tables 17–47). Required over
         *     plain HTTP. Under mutual TLS the client certificate identifies the platform and the header may be
         *     omitted (clause 7.1); when sent it must agree with the certificate.
         */
        PlatID: string;
        /**
         * @description The application ID the B platform issued to the A platform, identifying the third-party
         *     application (table 9). Optional for this interface.
         * @example 17592186044420
         */
        AppID: string;
        /**
         * @description Project extension (E-29): the ID of the platform sending the report. Table 50 lists no header,
         *     so a sender that follows only the standard omits it; the receiver then knows the sender from its
         *     client certificate (mutual TLS) or not at all.
         * @example PARTNER-Haier-0000
         */
        ReportPlatID: string;
        /**
         * @description Project extension: a unique id of this report, the same on every retry of it, so the receiver
         *     can drop duplicates of an at-least-once delivery. Absent from reports of senders that follow the
         *     standard only.
         * @example 01HZY3V0K8C0J8E6R9QW7M2T5N
         */
        EventID: string;
    };
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
    user_verify: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The calling platform's ID (table 9, where it is misspelt `PlateID`; tables 17–47). Required over
                 *     plain HTTP. Under mutual TLS the client certificate identifies the platform and the header may be
                 *     omitted (clause 7.1); when sent it must agree with the certificate.
                 */
                PlatID?: components["parameters"]["PlatID"];
                /**
                 * @description The application ID the B platform issued to the A platform, identifying the third-party
                 *     application (table 9). Optional for this interface.
                 * @example 17592186044420
                 */
                AppID?: components["parameters"]["AppID"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserVerifyRequest"];
            };
        };
        responses: {
            /** @description Success (RetCode `200`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Result"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Refused; RetInfo says why. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Result"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    dataservices_dataGateway: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Project extension (E-29): the ID of the platform sending the report. Table 50 lists no header,
                 *     so a sender that follows only the standard omits it; the receiver then knows the sender from its
                 *     client certificate (mutual TLS) or not at all.
                 * @example PARTNER-Haier-0000
                 */
                PlatID?: components["parameters"]["ReportPlatID"];
                /**
                 * @description Project extension: a unique id of this report, the same on every retry of it, so the receiver
                 *     can drop duplicates of an at-least-once delivery. Absent from reports of senders that follow the
                 *     standard only.
                 * @example 01HZY3V0K8C0J8E6R9QW7M2T5N
                 */
                EventID?: components["parameters"]["EventID"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DataGatewayReport"];
            };
        };
        responses: {
            /** @description Success (RetCode `200`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Result"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
}
