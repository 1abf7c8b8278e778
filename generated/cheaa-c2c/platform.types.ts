// Generated from openapi/cheaa-c2c/platform.yaml by `npm run generate` (scripts/generate.ts). Do not edit.
export interface paths {
    "/user/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * User login (用户登录)
         * @description An A platform's user logs into the B platform; the first login registers the user. B calls A's
         *     user verify interface (7.1.4) with the loginID and AuthToken, and on success creates the user's
         *     userID (first login) or finds it (later logins), issues an AccessToken and returns both (clause
         *     6.6.1.2, table 16).
         */
        post: operations["user_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * User logout (用户退出登录)
         * @description The user leaves the B platform: B checks the AccessToken of the request header and destroys
         *     it (table 19). Any later request with this token is refused.
         */
        post: operations["user_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/unregister": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * User unregister (用户注销)
         * @description The A platform deletes its user's account on the B platform (table 22): the userID, every token
         *     of the user and every binding of the user's devices are removed.
         */
        post: operations["user_unregister"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/bindDevices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Device bind (设备绑定)
         * @description Binds devices of the B platform to the user (table 28). A device already bound to another user
         *     can be bound only by a user that owner trusts; how trust is created is up to the implementation
         *     (the reference platform's documentation says how it does it). Each device succeeds or fails on
         *     its own: the devices that failed are listed in FailedIDs.
         */
        post: operations["user_bindDevices"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/unbindDevices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Device unbind (设备解除绑定)
         * @description Removes the bindings between the user and the devices (table 31). Each device succeeds or fails
         *     on its own: the devices that failed are listed in FailedIDs.
         */
        post: operations["user_unbindDevices"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * User device list query (用户设备列表查询)
         * @description Lists the devices bound to the user, optionally filtered by deviceType, model, manufacturer or
         *     brand (table 34).
         */
        post: operations["users_devices"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices/deviceInfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Device information query (设备信息查询)
         * @description Returns the basic information of registered devices bound to the user (table 37). Fields that
         *     belong to the binding, such as `name`, are returned as null.
         */
        post: operations["devices_deviceInfo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices/modifyDeviceInfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Device information modify (设备信息修改)
         * @description Changes the basic information of devices bound to the user (table 40). Table 40 calls it
         *     "set device attributes", but tables 41 and its example carry DeviceInfo only; DeviceAttr is
         *     changed through 7.2.7 (see ERRATA.md). All devices change or none does.
         */
        post: operations["devices_modifyDeviceInfo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices/deviceStatus": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Device status query (设备状态查询)
         * @description Returns the current state of devices bound to the user (table 43): item *i* of the reply is the
         *     DeviceAttr of item *i* of the request. The AccessToken is optional (table 44); when sent it must
         *     be valid and belong to UserID.
         */
        post: operations["devices_deviceStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices/op": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Device operation (设备操作)
         * @description Changes the state of devices (table 46). It needs the AccessToken issued at login and works only
         *     on devices bound to the user. Every attribute must be one the device supports, with a value in
         *     its range; otherwise nothing is changed and the reply says why. Accepted changes are reported to
         *     the partner's data gateway (7.2.8).
         */
        post: operations["devices_op"];
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
         * UDeviceID
         * @description Universal appliance identifier (clause 6.4): manufacturer code + product code, in ASCII.
         *
         *     | part | length | meaning |
         *     |---|---|---|
         *     | manufacturer | 6 digits | manufacturer code, `000000`–`999999` |
         *     | A | 2 digits | always `01`: household appliance |
         *     | B | 2 digits | category, table 2 (`DeviceCategory`) |
         *     | C | 3 digits | sub-category, tables 3–8 (`RefrigerationSubCategory` … `TelevisionSubCategory`) |
         *     | D | 3 digits | minor class, from the device model document (`000` when none) |
         *     | E | 1–32 letters or digits | manufacturer-defined model and serial (the standard advises encrypting it) |
         *
         *     The widths of D and E are this project's reading: figure 4, which draws the product code, is
         *     missing from the text (see ERRATA.md). The pattern admits only the sub-categories of tables 3–8
         *     under their own category; under `99` (other) any three digits.
         * @example 00000601020020010007A88A184D
         */
        UDeviceID: string;
        /**
         * DeviceCategory
         * @description Device category, part B of the product code (clause 6.4, table 2).
         * @enum {string}
         */
        DeviceCategory: "01" | "02" | "03" | "04" | "05" | "06" | "99";
        /**
         * RefrigerationSubCategory
         * @description Sub-category (part C) of category `01` refrigeration and freezing (clause 6.4, table 3).
         * @enum {string}
         */
        RefrigerationSubCategory: "001" | "002" | "003" | "004" | "005" | "006" | "007" | "099";
        /**
         * LaundrySubCategory
         * @description Sub-category (part C) of category `02` laundry (clause 6.4, table 4).
         * @enum {string}
         */
        LaundrySubCategory: "001" | "002" | "003" | "004" | "005" | "099";
        /**
         * AirConditioningSubCategory
         * @description Sub-category (part C) of category `03` air conditioning (clause 6.4, table 5).
         * @enum {string}
         */
        AirConditioningSubCategory: "001" | "002" | "003" | "004" | "005" | "006" | "007" | "008" | "009" | "099";
        /**
         * KitchenSubCategory
         * @description Sub-category (part C) of category `04` kitchen appliances (clause 6.4, table 6).
         * @enum {string}
         */
        KitchenSubCategory: "001" | "002" | "003" | "004" | "005" | "006" | "007" | "008" | "009" | "010" | "099";
        /**
         * WaterHeatingSubCategory
         * @description Sub-category (part C) of category `05` water treatment and heating (clause 6.4, table 7).
         * @enum {string}
         */
        WaterHeatingSubCategory: "001" | "002" | "003" | "004" | "005" | "099";
        /**
         * TelevisionSubCategory
         * @description Sub-category (part C) of category `06` television (clause 6.4, table 8). Codes 003–005 are
         *     listed in the table with no name; they are reserved and not accepted (see ERRATA.md).
         * @enum {string}
         */
        TelevisionSubCategory: "001" | "002" | "099";
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
         * UserLoginRequest
         * @description Body of 7.1.1 user login (table 17).
         */
        UserLoginRequest: {
            /** @description The A platform's user, as a one-element array; `UserBase.loginID` is required. */
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
         * UserBaseWithUserID
         * @description UserBase (table 14) with `userID` required: the user named by the `userID` B created for it (table 18). A composition rather than
         *     `required` beside a `$ref`, which generators ignore.
         */
        UserBaseWithUserID: components["schemas"]["UserBase"] & {
            userID: components["schemas"]["UserID"];
        };
        /**
         * UserWithUserID
         * @description A User (clause 6.5.2.4, table 13: basic attributes and optional extended attributes) whose
         *     UserBase carries `userID`: the user named by the `userID` B created for it (table 18). Requests and replies carry users in a one-element `User`
         *     array (ERRATA E-11).
         */
        UserWithUserID: {
            UserBase: components["schemas"]["UserBaseWithUserID"];
            UserProfile?: components["schemas"]["UserProfile"];
        };
        /**
         * UserLoginReply
         * @description Body of the 7.1.1 reply (table 18); the AccessToken travels in the header. The user's
         *     `UserBase.userID` is required.
         */
        UserLoginReply: {
            RetCode: components["schemas"]["RetCode"];
            RetInfo: components["schemas"]["RetInfo"];
            User: components["schemas"]["UserWithUserID"][];
        };
        /**
         * Result
         * @description The reply of an interface that returns nothing but its result (tables 21, 24, 27, 42, 48, 51), and of every error.
         */
        Result: {
            RetCode: components["schemas"]["RetCode"];
            RetInfo: components["schemas"]["RetInfo"];
        };
        /**
         * UserLogoutRequest
         * @description Body of 7.1.2 user logout (table 20), empty because everything is in the headers.
         */
        UserLogoutRequest: Record<string, unknown>;
        /**
         * UserBaseWithLoginIDAndStatus
         * @description UserBase (table 14) with `loginID` and `status` required: the A platform's user named by `loginID`, with its new `status` (table 23). A composition rather than
         *     `required` beside a `$ref`, which generators ignore.
         */
        UserBaseWithLoginIDAndStatus: components["schemas"]["UserBase"] & {
            loginID: components["schemas"]["LoginID"];
            status: components["schemas"]["UserStatus"];
        };
        /**
         * UserWithLoginIDAndStatus
         * @description A User (clause 6.5.2.4, table 13: basic attributes and optional extended attributes) whose
         *     UserBase carries `loginID` and `status`: the A platform's user named by `loginID`, with its new `status` (table 23). Requests and replies carry users in a one-element `User`
         *     array (ERRATA E-11).
         */
        UserWithLoginIDAndStatus: {
            UserBase: components["schemas"]["UserBaseWithLoginIDAndStatus"];
            UserProfile?: components["schemas"]["UserProfile"];
        };
        /**
         * UserUnregisterRequest
         * @description Body of 7.1.3 user unregister (table 23); `UserBase.loginID` and `UserBase.status` are required.
         */
        UserUnregisterRequest: {
            User: components["schemas"]["UserWithLoginIDAndStatus"][];
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
         * DeviceIDType
         * @description How a `deviceID` is coded (table 11 `deviceIDType`). `UDeviceID` when it is a universal appliance
         *     identifier (clause 6.4), `vendor` when it is the B platform's own device code. Absent means the
         *     platform decides from the value.
         * @enum {string}
         */
        DeviceIDType: "UDeviceID" | "vendor";
        /**
         * DeviceType
         * @description Device type (table 11 `deviceType`): the category code B (table 2), the sub-category code C
         *     (tables 3–8) and, optionally, the minor class D, the same digits as in a UDeviceID (clause 6.4).
         *     `02002` is a drum washing machine; `02002001` is minor class 001 of it. The standard's
         *     examples also use `010101`, which fits neither width; it is corrected in ERRATA.md.
         * @example 02002001
         */
        DeviceType: string;
        /**
         * DeviceInfo
         * @description Basic information of a device, the "basic information" part of its device model (clause 6.5.2.3,
         *     table 11). Which fields a request must carry depends on the interface: most only need `deviceID`.
         */
        DeviceInfo: {
            deviceID?: components["schemas"]["DeviceID"];
            deviceIDType?: components["schemas"]["DeviceIDType"];
            deviceType?: components["schemas"]["DeviceType"];
            /** @description Model name (型号名称). */
            model?: string;
            /** @description Manufacturer name (制造商名称). */
            manufacturer?: string;
            /** @description Brand (品牌). */
            brand?: string;
            /**
             * @description How the device communicates with its cloud (设备通信方式). The standard gives no code list;
             *     its examples use `"1"` and `"5"`. A string of at most 32 characters.
             */
            accessWay?: string;
            /**
             * @description The name the user gave the device. It belongs to the binding, so 7.2.4 returns it as null
             *     (table 37); it is mentioned in 7.2.4 but not listed in table 11.
             */
            name?: string | null;
        };
        /**
         * DeviceInfoWithID
         * @description DeviceInfo naming its device: `deviceID` is required (tables 29, 32, 36, 38, 39, 44, 47: "deviceID
         *     is inside DeviceInfo"). A composition rather than `required` beside a `$ref`, which generators
         *     ignore.
         */
        DeviceInfoWithID: components["schemas"]["DeviceInfo"] & {
            deviceID: components["schemas"]["DeviceID"];
        };
        /**
         * DeviceSelector
         * @description One device named by its `deviceID` (tables 29, 32, 38, 44: "the Device array holds only DeviceInfo,
         *     and deviceID is inside DeviceInfo"). Other DeviceInfo fields may be sent and are ignored.
         */
        DeviceSelector: {
            DeviceInfo: components["schemas"]["DeviceInfoWithID"];
        };
        /**
         * BindDevicesRequest
         * @description Body of 7.2.1 device bind (table 29).
         */
        BindDevicesRequest: {
            UserID: components["schemas"]["UserID"];
            Device: components["schemas"]["DeviceSelector"][];
        };
        /**
         * FailedIDs
         * @description The deviceIDs of the devices the request could not bind or unbind (tables 30, 33); empty when all succeeded.
         */
        FailedIDs: components["schemas"]["DeviceID"][];
        /**
         * DeviceFailure
         * @description Why one device of a batch failed (project extension beside FailedIDs).
         */
        DeviceFailure: {
            deviceID: components["schemas"]["DeviceID"];
            RetCode: components["schemas"]["RetCode"];
            RetInfo: components["schemas"]["RetInfo"];
        };
        /**
         * Failures
         * @description Project extension: one entry per device in FailedIDs, with the RetCode and reason of its failure.
         *     Partners that know only the standard can ignore it.
         */
        Failures: components["schemas"]["DeviceFailure"][];
        /**
         * BindDevicesReply
         * @description Reply of 7.2.1 device bind (table 30). `RetCode` is `200` when every device succeeded and `500` when any failed;
         *     the devices that succeeded stay done, those in `FailedIDs` did not change.
         */
        BindDevicesReply: {
            RetCode: components["schemas"]["RetCode"];
            RetInfo: components["schemas"]["RetInfo"];
            FailedIDs: components["schemas"]["FailedIDs"];
            Failures?: components["schemas"]["Failures"];
        };
        /**
         * UnbindDevicesRequest
         * @description Body of 7.2.2 device unbind (table 32).
         */
        UnbindDevicesRequest: {
            UserID: components["schemas"]["UserID"];
            Device: components["schemas"]["DeviceSelector"][];
        };
        /**
         * UnbindDevicesReply
         * @description Reply of 7.2.2 device unbind (table 33). `RetCode` is `200` when every device succeeded and `500` when any failed;
         *     the devices that succeeded stay done, those in `FailedIDs` did not change.
         */
        UnbindDevicesReply: {
            RetCode: components["schemas"]["RetCode"];
            RetInfo: components["schemas"]["RetInfo"];
            FailedIDs: components["schemas"]["FailedIDs"];
            Failures?: components["schemas"]["Failures"];
        };
        /**
         * DeviceFilter
         * @description A filter of the device list (table 35): a device is listed when every DeviceInfo field given
         *     here equals its own. Useful fields are deviceType, model, manufacturer and brand; a deviceType
         *     of five digits (category and sub-category) also matches every minor class under it.
         */
        DeviceFilter: {
            DeviceInfo: components["schemas"]["DeviceInfo"];
        };
        /**
         * UserDevicesRequest
         * @description Body of 7.2.3 user device list query (table 35). Without `Device` every device bound to the user
         *     is listed; with it, a device is listed when it matches any of the filters.
         */
        UserDevicesRequest: {
            UserID: components["schemas"]["UserID"];
            Device?: components["schemas"]["DeviceFilter"][];
        };
        /**
         * DeviceInfoItem
         * @description One device of a reply that carries basic information (tables 36, 39).
         */
        DeviceInfoItem: {
            DeviceInfo: components["schemas"]["DeviceInfoWithID"];
        };
        /**
         * UserDevicesReply
         * @description Reply of 7.2.3 user device list query (table 36).
         */
        UserDevicesReply: {
            RetCode: components["schemas"]["RetCode"];
            RetInfo: components["schemas"]["RetInfo"];
            Device: components["schemas"]["DeviceInfoItem"][];
        };
        /**
         * DeviceInfoRequest
         * @description Body of 7.2.4 device information query (table 38).
         */
        DeviceInfoRequest: {
            UserID: components["schemas"]["UserID"];
            Device: components["schemas"]["DeviceSelector"][];
        };
        /**
         * DeviceInfoReply
         * @description Reply of 7.2.4 device information query (table 39).
         */
        DeviceInfoReply: {
            RetCode: components["schemas"]["RetCode"];
            RetInfo: components["schemas"]["RetInfo"];
            Device: components["schemas"]["DeviceInfoItem"][];
        };
        /**
         * DeviceInfoUpdate
         * @description DeviceInfo of a 7.2.5 change (table 41): `deviceID` names the device and at least one other
         *     field gives its new value. A composition rather than keywords beside a `$ref`, which generators
         *     ignore.
         */
        DeviceInfoUpdate: components["schemas"]["DeviceInfo"] & {
            deviceID: components["schemas"]["DeviceID"];
        };
        /**
         * DeviceInfoChange
         * @description A change to one device's basic information (table 41): `deviceID` names the device and every
         *     other DeviceInfo field given replaces the stored value.
         */
        DeviceInfoChange: {
            DeviceInfo: components["schemas"]["DeviceInfoUpdate"];
        };
        /**
         * ModifyDeviceInfoRequest
         * @description Body of 7.2.5 device information modify (table 41).
         */
        ModifyDeviceInfoRequest: {
            UserID: components["schemas"]["UserID"];
            Device: components["schemas"]["DeviceInfoChange"][];
        };
        /**
         * DeviceStatusRequest
         * @description Body of 7.2.6 device status query (table 44); reply item i is the state of request item i.
         */
        DeviceStatusRequest: {
            UserID: components["schemas"]["UserID"];
            Device: components["schemas"]["DeviceSelector"][];
        };
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
         * DeviceStatusItem
         * @description The state of one device (table 45): DeviceAttr only, without deviceID. Item *i* of the reply is
         *     the state of item *i* of the request.
         */
        DeviceStatusItem: {
            DeviceAttr: components["schemas"]["DeviceAttr"];
        };
        /**
         * DeviceStatusReply
         * @description Reply of 7.2.6 device status query (table 45); item i is the state of request item i.
         */
        DeviceStatusReply: {
            RetCode: components["schemas"]["RetCode"];
            RetInfo: components["schemas"]["RetInfo"];
            Device: components["schemas"]["DeviceStatusItem"][];
        };
        /**
         * DeviceCommand
         * @description One command (table 47): DeviceInfo names the device, DeviceAttr holds the attributes to set.
         */
        DeviceCommand: {
            DeviceInfo: components["schemas"]["DeviceInfoWithID"];
            DeviceAttr: components["schemas"]["DeviceAttr"];
        };
        /**
         * DeviceOpRequest
         * @description Body of 7.2.7 device operation (table 47).
         */
        DeviceOpRequest: {
            UserID: components["schemas"]["UserID"];
            Device: components["schemas"]["DeviceCommand"][];
        };
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
        /** @description A partner platform the request depends on could not be reached. */
        BadGateway: {
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
        /** @description The AccessToken is missing, unknown or expired (clause 6.6.1.2). */
        Unauthorized: {
            headers: {
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
        /** @description The standard's business failure, where the request was understood but refused; RetInfo says why. */
        BusinessFailure: {
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
         * @description The application ID the B platform issued to the A platform, identifying the third-party
         *     application (table 9). Required for this interface over plain HTTP (tables 29 and 35); under
         *     mutual TLS it may be omitted (clause 7.1).
         * @example 17592186044420
         */
        AppIDRequired: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description The responding platform's ID (tables 18 and 24).
         * @example PARTNER-Haier-0000
         */
        PlatID: string;
        /**
         * @description The access token the B platform issued to the A platform for this user (table 18). Send it in
         *     the `AccessToken` header of later requests. It is opaque and expires.
         * @example TGT-5-e5tcvcZhlBxMSwN6Wnp9uWRU
         */
        AccessToken: string;
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
    user_login: {
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
                "application/json": components["schemas"]["UserLoginRequest"];
            };
        };
        responses: {
            /** @description Success (RetCode `200`). */
            200: {
                headers: {
                    PlatID: components["headers"]["PlatID"];
                    AccessToken: components["headers"]["AccessToken"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserLoginReply"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    user_logout: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The calling platform's ID (table 9, where it is misspelt `PlateID`; tables 17–47). Required over
                 *     plain HTTP. Under mutual TLS the client certificate identifies the platform and the header may be
                 *     omitted (clause 7.1); when sent it must agree with the certificate.
                 */
                PlatID?: components["parameters"]["PlatID"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserLogoutRequest"];
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
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    user_unregister: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The calling platform's ID (table 9, where it is misspelt `PlateID`; tables 17–47). Required over
                 *     plain HTTP. Under mutual TLS the client certificate identifies the platform and the header may be
                 *     omitted (clause 7.1); when sent it must agree with the certificate.
                 */
                PlatID?: components["parameters"]["PlatID"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserUnregisterRequest"];
            };
        };
        responses: {
            /** @description Success (RetCode `200`). */
            200: {
                headers: {
                    PlatID: components["headers"]["PlatID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Result"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    user_bindDevices: {
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
                 *     application (table 9). Required for this interface over plain HTTP (tables 29 and 35); under
                 *     mutual TLS it may be omitted (clause 7.1).
                 * @example 17592186044420
                 */
                AppID?: components["parameters"]["AppIDRequired"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BindDevicesRequest"];
            };
        };
        responses: {
            /**
             * @description The batch was processed: RetCode `200` when every device succeeded, `500` with the devices
             *     that failed in FailedIDs (and why in Failures) when some did; the others are done (ERRATA
             *     E-24, E-25).
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BindDevicesReply"];
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
    user_unbindDevices: {
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
                "application/json": components["schemas"]["UnbindDevicesRequest"];
            };
        };
        responses: {
            /**
             * @description The batch was processed: RetCode `200` when every device succeeded, `500` with the devices
             *     that failed in FailedIDs (and why in Failures) when some did; the others are done (ERRATA
             *     E-24, E-25).
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnbindDevicesReply"];
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
    users_devices: {
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
                 *     application (table 9). Required for this interface over plain HTTP (tables 29 and 35); under
                 *     mutual TLS it may be omitted (clause 7.1).
                 * @example 17592186044420
                 */
                AppID?: components["parameters"]["AppIDRequired"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserDevicesRequest"];
            };
        };
        responses: {
            /** @description Success (RetCode `200`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDevicesReply"];
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
    devices_deviceInfo: {
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
                "application/json": components["schemas"]["DeviceInfoRequest"];
            };
        };
        responses: {
            /** @description Success (RetCode `200`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceInfoReply"];
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
    devices_modifyDeviceInfo: {
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
                "application/json": components["schemas"]["ModifyDeviceInfoRequest"];
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
            422: components["responses"]["BusinessFailure"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    devices_deviceStatus: {
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
                "application/json": components["schemas"]["DeviceStatusRequest"];
            };
        };
        responses: {
            /** @description Success (RetCode `200`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceStatusReply"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    devices_op: {
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
                "application/json": components["schemas"]["DeviceOpRequest"];
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
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Refused; RetInfo says why. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Result"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
}
