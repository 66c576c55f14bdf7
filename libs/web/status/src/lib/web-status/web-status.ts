import { Component } from '@angular/core';

@Component({
  selector: 'cf-web-status',
  imports: [],
  templateUrl: './web-status.html',
  styleUrl: './web-status.css',
})
export class WebStatus {}
