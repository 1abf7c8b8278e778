// Package optional stands in for github.com/antihax/optional, which the Go clients swagger-codegen
// generates import for their optional parameters. Neither Debian nor this project's CI can fetch
// it, so the client tests put this package at that import path in their GOPATH. It has the same
// API for the types the generated clients use; with network access, use the real module instead.
package optional

import "time"

// String is an optional string: the zero value is unset.
type String struct {
	value string
	set   bool
}

func NewString(v string) String { return String{v, true} }
func (o String) IsSet() bool    { return o.set }
func (o String) Value() string  { return o.value }

// Int32 is an optional int32.
type Int32 struct {
	value int32
	set   bool
}

func NewInt32(v int32) Int32 { return Int32{v, true} }
func (o Int32) IsSet() bool  { return o.set }
func (o Int32) Value() int32 { return o.value }

// Int64 is an optional int64.
type Int64 struct {
	value int64
	set   bool
}

func NewInt64(v int64) Int64 { return Int64{v, true} }
func (o Int64) IsSet() bool  { return o.set }
func (o Int64) Value() int64 { return o.value }

// Float32 is an optional float32.
type Float32 struct {
	value float32
	set   bool
}

func NewFloat32(v float32) Float32 { return Float32{v, true} }
func (o Float32) IsSet() bool      { return o.set }
func (o Float32) Value() float32   { return o.value }

// Float64 is an optional float64.
type Float64 struct {
	value float64
	set   bool
}

func NewFloat64(v float64) Float64 { return Float64{v, true} }
func (o Float64) IsSet() bool      { return o.set }
func (o Float64) Value() float64   { return o.value }

// Bool is an optional bool.
type Bool struct {
	value bool
	set   bool
}

func NewBool(v bool) Bool  { return Bool{v, true} }
func (o Bool) IsSet() bool { return o.set }
func (o Bool) Value() bool { return o.value }

// Time is an optional time.Time.
type Time struct {
	value time.Time
	set   bool
}

func NewTime(v time.Time) Time  { return Time{v, true} }
func (o Time) IsSet() bool      { return o.set }
func (o Time) Value() time.Time { return o.value }

// Interface is an optional value of any type (request bodies, models).
type Interface struct {
	value interface{}
	set   bool
}

func NewInterface(v interface{}) Interface { return Interface{v, true} }
func (o Interface) IsSet() bool            { return o.set }
func (o Interface) Value() interface{}     { return o.value }
